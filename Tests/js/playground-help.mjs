// End-to-end: drives Microsoft 365 Agents Playground (the Teams emulator) in headless Chromium,
// sends a command in the personal chat and waits until a new reply with the expected text shows in the conversation.
// Usage: node playground-help.mjs <playground-url> <command> <expected text> <screenshot.png>
import { launchChromium } from './chromium.mjs';
import { finish } from './playground-steps.mjs';

const [url, command, expected, screenshot] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
let ok = false;
try {
  await page.goto(url, { waitUntil: 'networkidle' });
  const box = page.getByRole('textbox').first(); // the compose box is a contenteditable
  await box.waitFor({ timeout: 30000 });
  // The install welcome may already be on screen: the reply to our command must come on top of it.
  const cards = page.getByText(expected, { exact: true });
  await page.waitForTimeout(2000);
  const before = await cards.count();
  await box.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 30000;
  while ((await cards.count()) <= before) {
    if (Date.now() > deadline) throw new Error(`no new "${expected}" after sending "${command}" (${before} before)`);
    await page.waitForTimeout(250);
  }
  console.log(`"${expected}" shown ${before} time(s) before "${command}", ${await cards.count()} after`);
  await cards.last().scrollIntoViewIfNeeded();
  ok = true;
} catch (error) {
  console.error(`FAILED: ${error.message}`);
} finally {
  await finish(page, browser, screenshot);
}
process.exit(ok ? 0 : 1);
