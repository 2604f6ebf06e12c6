// End-to-end personal prompt in Microsoft 365 Agents Playground, in headless Chromium.
// 1. Opens General (installs the bot in the team) and then the personal chat, writes <ready-file>.
// 2. Waits for <go-file> (the test has let the week's question go to each member's personal chat; the file holds
//    JSON {questions (nb, nn, en), answer, thanks}), then waits for the question card in the personal chat, taps the answer, and
//    waits for the card to thank in place.
// Usage: node playground-pulse-personal.mjs <url> <ready-file> <go-file> <screenshot.png>
import { writeFileSync } from 'node:fs';
import { anyOf, openTeamThenPersonalChat, runInPlayground, waitForFile } from './playground-steps.mjs';

const [url, readyFile, goFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamThenPersonalChat(page, url);
  writeFileSync(readyFile, 'ready');
  const { questions, answer, thanks } = JSON.parse(await waitForFile(page, goFile));
  const card = page.locator('.ac-adaptiveCard', { hasText: anyOf(questions) }).last();
  await card.waitFor({ timeout: 30000 });
  console.log('question card shown in the personal chat');
  await card.getByRole('button', { name: answer, exact: true }).first().click();
  await page.getByText(anyOf(thanks)).first().waitFor({ timeout: 30000 });
  console.log('thanked in place');
}, 1000);
