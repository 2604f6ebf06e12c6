// End-to-end network status in Microsoft 365 Agents Playground, in headless Chromium. The playground user leads the
// team (they install the app in it) and coordinates the network the test seeds once the team is installed.
// 1. Opens General (installs the bot in the team), writes <ready-file>.
// 2. Waits for <go-file> (the status card is then in the channel; JSON {network, labels, typed, send, sent}): fills in
//    what we tried / what happened / next / help on the card, sends it as the leader, waits for "sent" in place.
// 3. Waits for <agenda-file> (the coordinator's card is then in the personal chat; JSON {count, reporter, late, nudge,
//    nudged, typed}): finds the report on it and the late team, and taps the nudge.
// Usage: node playground-network-status.mjs <url> <ready-file> <go-file> <agenda-file> <screenshot.png>
import { writeFileSync } from 'node:fs';
import { anyOf, openTeamChannel, runInPlayground, waitForFile } from './playground-steps.mjs';

const [url, readyFile, goFile, agendaFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamChannel(page, url);
  writeFileSync(readyFile, 'ready');

  const status = JSON.parse(await waitForFile(page, goFile));
  const card = page.locator('.ac-adaptiveCard', { hasText: status.network }).last();
  await card.waitFor({ timeout: 30000 });
  console.log('status card shown in the channel');
  for (const field of ['tried', 'happened', 'next', 'help']) {
    await card.getByLabel(anyOf(status.labels[field])).fill(status.typed[field]);
  }
  console.log(`typed on the card: ${JSON.stringify(await card.locator('textarea, input').evaluateAll((inputs) => inputs.map((i) => i.value)))}`);
  await card.getByRole('button', { name: anyOf(status.send) }).click();
  await page.getByText(anyOf(status.sent)).first().waitFor({ timeout: 30000 });
  console.log('status sent to the network');

  const agenda = JSON.parse(await waitForFile(page, agendaFile));
  await page.getByText('Personal Chat').first().click();
  const view = page.locator('.ac-adaptiveCard', { hasText: anyOf(agenda.count) }).last();
  await view.waitFor({ timeout: 30000 });
  for (const text of [agenda.reporter, ...Object.values(agenda.typed), agenda.late]) {
    await view.getByText(text, { exact: true }).first().waitFor({ timeout: 5000 });
  }
  console.log('the coordinator sees the report and the late team');
  await view.getByRole('button', { name: anyOf(agenda.nudge) }).click();
  await page.getByText(anyOf(agenda.nudged)).first().waitFor({ timeout: 30000 });
  console.log('late team nudged');
}, 1800);
