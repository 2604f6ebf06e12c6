// End-to-end: in the playground (which always sends en-US) the person types "språk bokmål" in the personal chat,
// sees the bot say so in bokmål, then types "hjelp" and gets the welcome card in bokmål.
// Usage: node playground-language.mjs <playground-url> <screenshot.png>
import { runInPlayground } from './playground-steps.mjs';

const [url, screenshot] = process.argv.slice(2);

/** Types a command in the compose box and waits until one more element than before shows the expected text. */
async function sendAndWait(page, command, expected) {
  const shown = page.getByText(expected);
  const before = await shown.count();
  await page.getByRole('textbox').last().click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 30000;
  while ((await shown.count()) <= before) {
    if (Date.now() > deadline) throw new Error(`no new "${expected}" after sending "${command}" (${before} before)`);
    await page.waitForTimeout(250);
  }
  console.log(`"${command}": ${expected} shown`);
}

await runInPlayground(screenshot, async (page) => {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('textbox').first().waitFor({ timeout: 30000 });
  await page.getByText("Hi, I'm CareCompanion").first().waitFor({ timeout: 30000 }).catch(() => {}); // the install welcome, in English
  await page.waitForTimeout(1000);
  await sendAndWait(page, 'språk bokmål', /Nå skriver jeg til deg på bokmål/);
  await sendAndWait(page, 'hjelp', 'Hei, jeg er CareCompanion');
  await page.getByText('Hei, jeg er CareCompanion').last().scrollIntoViewIfNeeded();
}, 900);
