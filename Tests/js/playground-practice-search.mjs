// End-to-end practice search in Microsoft 365 Agents Playground, in headless Chromium: the playground's team is in a
// network with a team of another municipality, which has shared practice cards.
// 1. Opens General (installs the bot in the team), writes <ready-file>.
// 2. Waits for <go-file> (the cards are then stored; JSON {term, found, line, hidden}): searches the term with the
//    messaging extension from the channel's compose box; the network's card is listed with its unit and municipality,
//    the card shared with the other municipality only is not. The listed card is chosen, posted in the channel, and
//    the team taps "we tried this too" on it ({adopt, adopted}: the button, and the notice that it was counted).
// Usage: node playground-practice-search.mjs <url> <ready-file> <go-file> <screenshot.png>
import { writeFileSync } from 'node:fs';
import { anyOf, openTeamChannel, runInPlayground, waitForFile } from './playground-steps.mjs';

const [url, readyFile, goFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamChannel(page, url);
  writeFileSync(readyFile, 'ready');

  const { term, found, line, hidden, adopt, adopted } = JSON.parse(await waitForFile(page, goFile));
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).first().click(); // the new post's, not a reply's
  await page.getByRole('menuitem', { name: 'Search Command' }).click();
  await page.getByPlaceholder('Enter a search term').fill(term);
  await page.keyboard.press('Enter');
  await page.getByText(found, { exact: true }).first().waitFor({ timeout: 20000 });
  await page.getByText(anyOf(line)).first().waitFor({ timeout: 5000 });
  console.log('found by search, with its unit and municipality');
  if (await page.getByText(hidden).count() > 0) throw new Error(`"${hidden}" was shared with its own municipality only, yet listed`);
  console.log('the card shared with the other municipality only is not listed');
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-results.png'), fullPage: true });
  // Choosing the result inserts the card in the compose box; posted, it is in the channel for the team to use.
  await page.getByText(found, { exact: true }).first().click();
  await page.getByRole('button', { name: 'Post' }).click();
  const card = page.locator('.ac-adaptiveCard', { hasText: found }).last();
  await card.getByRole('button', { name: anyOf(adopt) }).waitFor({ timeout: 20000 });
  console.log('practice card posted in the channel');
  await card.getByRole('button', { name: anyOf(adopt) }).click();
  await page.getByText(anyOf(adopted)).first().waitFor({ timeout: 30000 });
  console.log('our team tried it too: counted');
}, 1400);
