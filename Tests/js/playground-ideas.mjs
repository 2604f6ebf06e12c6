// End-to-end ideas in Microsoft 365 Agents Playground, in headless Chromium. The playground user (Alex Wilber)
// installed the team, so is its leader, and also sends the idea.
// 1. Opens General (installs the bot in the team), then the personal chat: "idea" shows the form; fills in a title
//    and sends it; the card thanks in place.
// 2. Finds the idea with the messaging extension's search from the compose box.
// 3. In General, the idea's card (posted by the bot) gets the leader's answer: status and reason.
// 4. Back in the personal chat, the submitter's notice arrives, and the search shows the new status.
// Usage: node playground-ideas.mjs <url> <title> <screenshot-prefix>
import { launchChromium } from './chromium.mjs';

const [url, title, shots] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
let ok = false;

async function search(term, expected) {
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: 'Search Command' }).click();
  await page.getByPlaceholder('Enter a search term').fill(term);
  await page.keyboard.press('Enter');
  await page.getByText(expected).first().waitFor({ timeout: 20000 });
}

try {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('textbox').first().waitFor({ timeout: 30000 });
  await page.getByText('General').first().click();
  await page.getByText('Start a new post').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500); // the team's install activities go out when the channel is first opened
  await page.getByText('Personal Chat').first().click();
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('idea');
  await page.keyboard.press('Enter');
  await page.getByText('New improvement idea').last().waitFor({ timeout: 30000 });
  const form = page.locator('.ac-adaptiveCard').last();
  await form.getByLabel(/Short title/).fill(title);
  await form.getByLabel(/Description/).fill('Ti minutter på vaktrommet kl. 14:45, med fast liste.');
  await form.getByRole('button', { name: 'Send idea' }).click();
  await page.getByText(/Your idea went to/).first().waitFor({ timeout: 30000 });
  console.log('idea sent');

  await search('overlapp', title);
  await page.getByText(/^New ·/).first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${shots}-search.png`, fullPage: true });
  console.log('found by search: New');
  await page.keyboard.press('Escape');

  await page.getByText('General').first().click();
  const card = page.locator('.ac-adaptiveCard', { hasText: title }).last();
  await card.waitFor({ timeout: 30000 }); // the bot's scheduler posts it within seconds
  await card.getByRole('button', { name: /Svar \(leder\)|Answer \(leader\)/ }).click();
  await card.getByRole('combobox').click();
  await page.getByRole('option', { name: /^(Testes|Being tried)/ }).click();
  await card.getByLabel(/Begrunnelse|Why, for/).fill('Vi prøver i fire uker fra mandag.');
  await card.getByRole('button', { name: /Lagre svar|Save answer/ }).click();
  await page.getByText(/Saved\. The person who suggested it/).first().waitFor({ timeout: 30000 });
  console.log('leader answered');
  await page.getByText(/Nytt om en idé|News about an idea/).first().waitFor({ timeout: 30000 });
  console.log('channel told');
  await page.screenshot({ path: `${shots}-channel.png`, fullPage: true });

  await page.getByText('Personal Chat').first().click();
  await page.getByText(/Your idea has an answer|Idéen din har fått svar/).first().waitFor({ timeout: 30000 });
  console.log('submitter told');
  await search('overlapp', title);
  await page.getByText(/^Being tried/).first().waitFor({ timeout: 10000 });
  console.log('found by search: Being tried');
  ok = true;
} catch (error) {
  console.error(`FAILED: ${error.message}`);
} finally {
  await page.screenshot({ path: `${shots}-end.png`, fullPage: true });
  console.log('--- page text ---');
  console.log(await page.locator('body').innerText().catch(() => ''));
  await browser.close();
}
process.exit(ok ? 0 : 1);
