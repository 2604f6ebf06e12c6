// Renders the SVG icons to the PNGs Teams wants (color 192x192, outline 32x32 with a transparent background).
// Usage: node Manifest/icons/render.mjs   (needs playwright-core and Debian chromium: ./scripts/install-tools.sh --chromium)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../Tests/js/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const browser = await launchChromium();
for (const [svg, png, size] of [['icon.svg', 'color.png', 192], ['outline.svg', 'outline.png', 32]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = readFileSync(join(here, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
  await page.screenshot({ path: join(here, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
}
await browser.close();
