// End-to-end ideas in Microsoft 365 Agents Playground, in headless Chromium.
// 1. "idea" in the personal chat shows the form; a title is filled in and sent; the card thanks in place.
// 2. The messaging extension's search from the compose box finds it.
// 3. In General, the idea's card (posted by the bot) gets the leader's answer: status and reason.
// 4. Back in the personal chat, the submitter's notice arrives, and the search shows the new status.
// Usage: node playground-ideas.mjs <url> <title> <screenshot.png> (its name without .png prefixes the screenshots)
import { answerAsLeader, openTeamThenPersonalChat, runInPlayground, sendIdea } from './playground-steps.mjs';

const [url, title, screenshot] = process.argv.slice(2);
const shots = screenshot.replace(/\.png$/, '');

async function search(page, term, expected) {
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: 'Search Command' }).click();
  await page.getByPlaceholder('Enter a search term').fill(term);
  await page.keyboard.press('Enter');
  await page.getByText(expected).first().waitFor({ timeout: 20000 });
}

await runInPlayground(`${shots}-end.png`, async (page) => {
  await openTeamThenPersonalChat(page, url);
  await sendIdea(page, title);
  console.log('idea sent');

  await search(page, 'overlapp', title);
  await page.getByText(/^New ·/).first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${shots}-search.png`, fullPage: true });
  console.log('found by search: New');
  await page.keyboard.press('Escape');

  await page.getByText('General').first().click();
  const card = page.locator('.ac-adaptiveCard', { hasText: title }).last();
  await card.waitFor({ timeout: 30000 }); // the bot's scheduler posts it within seconds
  await answerAsLeader(page, card, 'Vi prøver i fire uker fra mandag.');
  await page.getByText(/Saved\. The team and the person who suggested the idea/).first().waitFor({ timeout: 30000 });
  console.log('leader answered');
  await page.getByText(/Nytt om en idé|News about an idea/).first().waitFor({ timeout: 30000 });
  console.log('channel told');
  await page.screenshot({ path: `${shots}-channel.png`, fullPage: true });

  await page.getByText('Personal Chat').first().click();
  await page.getByText(/Your idea has an answer|Ideen din har fått svar/).first().waitFor({ timeout: 30000 });
  console.log('submitter told');
  await search(page, 'overlapp', title);
  await page.getByText(/^Being tried/).first().waitFor({ timeout: 10000 });
  console.log('found by search: Being tried');
});
