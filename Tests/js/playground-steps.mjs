import { existsSync, readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

// Steps the playground end-to-end scripts share. The playground user (Alex Wilber) installs the app in the team
// when General is first opened, so is its leader.

/**
 * Opens the playground and then General, which installs the bot in the team. It waits for the welcome card in the
 * personal chat first: a click on General before the playground has connected is undone when it selects its chat.
 */
export async function openTeamChannel(page, url) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('textbox').first().waitFor({ timeout: 30000 });
  // (A playground that already had its welcome, against an old bot store, shows none: go on after the wait.)
  await page.getByText(/Hi, I'm CareCompanion|Hei, jeg er CareCompanion/).first().waitFor({ timeout: 30000 }).catch(() => {});
  await page.getByText('General', { exact: true }).first().click();
  await page.getByText('Start a new post').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500); // the team's install activities go out when the channel is first opened
}

/** A pattern matching any of the texts, literally (the same text in each language the bot may answer in). */
export const anyOf = (texts) => new RegExp(texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Waits (up to a minute) for the test to write the file; returns what it wrote. */
export async function waitForFile(page, path) {
  const deadline = Date.now() + 60000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`the test never wrote ${path}`);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(200); // the test writes it whole, but not atomically
  return readFileSync(path, 'utf8');
}

/** The team channel first (so the bot is in the team and the person leads it), then the personal chat. */
export async function openTeamThenPersonalChat(page, url) {
  await openTeamChannel(page, url);
  await page.getByText('Personal Chat').first().click();
}

/** "idea" in the personal chat; fills in the form and sends it; waits for the thank-you in place. */
export async function sendIdea(page, title) {
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('idea');
  await page.keyboard.press('Enter');
  await page.getByText('New improvement idea').last().waitFor({ timeout: 30000 });
  const form = page.locator('.ac-adaptiveCard').last();
  await form.getByLabel(/Short title/).fill(title);
  await form.getByLabel(/Description/).fill('Ti minutter på vaktrommet kl. 14:45, med fast liste.');
  await form.getByRole('button', { name: 'Send idea' }).click();
  await page.getByText(/Your idea went to/).first().waitFor({ timeout: 30000 });
}

/** Opens the leader's answer on a card, picks "being tried", writes the reason and saves. */
export async function answerAsLeader(page, card, reason) {
  await card.getByRole('button', { name: /Svar \(leder\)|Answer \(leader\)/ }).click();
  await card.getByRole('combobox').click();
  await page.getByRole('option', { name: /^(Prøves ut|Being tried out)/ }).click();
  await card.getByLabel(/Begrunnelse|Reason/).fill(reason);
  await card.getByRole('button', { name: /Lagre svar|Save answer/ }).click();
}

/**
 * Runs the steps in a fresh headless Chromium page; whatever happens, saves a screenshot and prints the page's text;
 * exits 0 when the steps finished, 1 (with the reason) when one failed.
 */
export async function runInPlayground(screenshot, steps, height = 1400) {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height } });
  let ok = false;
  try {
    await steps(page);
    ok = true;
  } catch (error) {
    console.error(`FAILED: ${error.message}`);
  } finally {
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log('--- page text ---');
    console.log(await page.locator('body').innerText().catch(() => ''));
    await browser.close();
  }
  process.exit(ok ? 0 : 1);
}
