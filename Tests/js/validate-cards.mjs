// Validates Adaptive Card JSON files with Microsoft's own `adaptivecards` library, inside headless Chromium
// (the library needs a DOM), and renders each card to a PNG at phone width for a person to look at.
// Usage: node validate-cards.mjs <dir with *.json> <dir for *.png>
// Prints one JSON object: { "<file>": { "errors": [...], "warnings": [...] } }.
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';

const [inputDir, pngDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const libraryPath = require.resolve('adaptivecards/dist/adaptivecards.min.js');

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 400, height: 800 } }); // a phone-sized column
await page.setContent('<html><body style="margin:0;background:#f5f5f5;font-family:sans-serif"><div id="host" style="width:380px;padding:10px"></div></body></html>');
await page.addScriptTag({ path: libraryPath });

const results = {};
for (const file of readdirSync(inputDir).filter(f => f.endsWith('.json')).sort()) {
  const card = JSON.parse(readFileSync(join(inputDir, file), 'utf8'));
  results[file] = await page.evaluate((json) => {
    const AC = window.AdaptiveCards;
    const errors = [];
    const warnings = [];
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    // Parse-time events (unknown types, bad values) are warnings; validation failures are errors.
    for (let i = 0; i < context.eventCount; i++) {
      warnings.push(`parse: ${context.getEventAt(i).message}`);
    }
    for (const e of card.validateProperties().validationEvents) {
      errors.push(`${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
    }
    const host = document.getElementById('host');
    host.innerHTML = '';
    const rendered = card.render();
    if (!rendered) errors.push('card did not render');
    else host.appendChild(rendered);
    return { errors, warnings };
  }, card);
  await page.locator('#host').screenshot({ path: join(pngDir, basename(file, '.json') + '.png') });
}
await browser.close();
console.log(JSON.stringify(results));
