// End-to-end leader digest in Microsoft 365 Agents Playground, in headless Chromium.
// 1. The leader (the playground user) sends an idea, then writes <ready-file>: the test lets Friday's digest job run.
// 2. The digest arrives in the personal chat; the leader answers the idea in it; the digest comes back updated.
// Usage: node playground-digest.mjs <url> <title> <ready-file> <screenshot.png>
import { writeFileSync } from 'node:fs';
import { answerAsLeader, openTeamThenPersonalChat, runInPlayground, sendIdea } from './playground-steps.mjs';

const [url, title, readyFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamThenPersonalChat(page, url);
  await sendIdea(page, title);
  console.log('idea sent');
  writeFileSync(readyFile, 'ready');

  // The digest speaks the chat's language as stored at install (the playground may announce none: bokmål).
  const digest = page.locator('.ac-adaptiveCard', { hasText: /Your weekly digest|Ukens sammendrag/ }).last();
  await digest.waitFor({ timeout: 60000 });
  await digest.getByText(title).first().waitFor({ timeout: 5000 });
  console.log('digest received');
  await answerAsLeader(page, digest, 'Vi prøver på to vaktlag først.');
  await page.locator('.ac-adaptiveCard', { hasText: /Your weekly digest|Ukens sammendrag/ }).getByText(/Saved\. The team and the person who suggested the idea/).first()
    .waitFor({ timeout: 30000 });
  console.log('answered in the digest, updated in place');
});
