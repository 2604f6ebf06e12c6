// Validates Adaptive Card JSON files with Microsoft's own `adaptivecards` library, inside headless Chromium
// (the library needs a DOM), and renders each card as Teams shows it (teams-card-page.mjs): to <png dir>/<name>.png
// at desktop width and to <png dir>/phone/<name>.png at phone width, for a person to look at.
// Usage: node validate-cards.mjs <dir with *.json> <dir for *.png>
// Prints one JSON object: { "<file>": { "errors": [...], "warnings": [...], "shown": { "desktop": [...], "phone": [...] } } },
// where each shown text is { kind, text, html }: what a person sees, for the tests to assert on.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { layouts, openCardPage } from './teams-card-page.mjs';

const [inputDir, pngDir] = process.argv.slice(2);
const pngDirs = { desktop: pngDir, phone: join(pngDir, 'phone') };
mkdirSync(pngDirs.phone, { recursive: true });

const browser = await launchChromium();
const pages = {};
for (const [name, layout] of Object.entries(layouts)) pages[name] = await openCardPage(browser, layout);

const results = {};
for (const file of readdirSync(inputDir).filter(f => f.endsWith('.json')).sort()) {
  const card = JSON.parse(readFileSync(join(inputDir, file), 'utf8'));
  const result = { shown: {} };
  for (const [name, page] of Object.entries(pages)) {
    const { errors, warnings, texts } = await page.evaluate((json) => window.renderCard(json), card);
    Object.assign(result, { errors, warnings });
    result.shown[name] = texts;
    await page.locator('#host').screenshot({ path: join(pngDirs[name], basename(file, '.json') + '.png') });
  }
  results[file] = result;
}
await browser.close();
console.log(JSON.stringify(results));
