// End-to-end pulse in a team channel of Microsoft 365 Agents Playground, in headless Chromium.
// 1. Opens the playground and its General channel (opening it installs the bot in the team), writes <ready-file>.
// 2. Waits for <go-file> (the test has then let the bot post the week's question; the file holds JSON
//    {question, answer, thanks} in the language the team got), taps the answer on the question card and waits for
//    the card to thank in place.
// Usage: node playground-pulse.mjs <url> <ready-file> <go-file> <screenshot.png>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openTeamChannel, runInPlayground } from './playground-steps.mjs';

const [url, readyFile, goFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamChannel(page, url);
  writeFileSync(readyFile, 'ready');
  const deadline = Date.now() + 60000;
  while (!existsSync(goFile)) {
    if (Date.now() > deadline) throw new Error('the test never said go');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(200); // the file is written in one go, but give the writer a moment to close it
  const { question, answer, thanks } = JSON.parse(readFileSync(goFile, 'utf8'));
  await page.getByText(question).first().waitFor({ timeout: 30000 });
  console.log('question card shown');
  await page.getByRole('button', { name: answer, exact: true }).first().click();
  await page.getByText(thanks).first().waitFor({ timeout: 30000 });
  console.log('thanked in place');
}, 1000);
