// End-to-end: drives Microsoft 365 Agents Playground (the Teams emulator) in headless Chromium,
// sends a command in the personal chat and waits until a new reply with the expected text shows in the conversation.
// Usage: node playground-help.mjs <playground-url> <command> <expected text> <screenshot.png>
import { runInPlayground } from './playground-steps.mjs';

const [url, command, expected, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
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
}, 900);
