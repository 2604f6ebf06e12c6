// A Chromium page that renders Adaptive Cards as Teams does: Microsoft's `adaptivecards` library with markdown
// processed by markdown-it (AdaptiveCard.onProcessMarkdown, as Microsoft's renderer documentation shows) and a host
// config close to Teams' light theme (teams-host-config.json).
//   desktop: 500 px wide, markdown as Teams on Windows, Mac and the web renders it (backslash escapes work);
//   phone:   360 px wide, markdown without backslash escapes, as Teams on Android and iOS shows them
//            (the backslashes stay visible: microsoft/AdaptiveCards#5590, MicrosoftDocs/msteams-docs#5793).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const adaptiveCards = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const markdownIt = require.resolve('markdown-it/browser');
const hostConfig = JSON.parse(readFileSync(fileURLToPath(new URL('./teams-host-config.json', import.meta.url)), 'utf8'));

// What the library leaves to the host's CSS: Teams' chat background, card frame, buttons and inputs.
const teamsLook = `
  body { margin: 0; background: #f5f5f5; }
  .ac-adaptiveCard { border: 1px solid #e1dfdd; border-radius: 4px; }
  .ac-pushButton { font: 600 14px 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif; color: #252424; background: #fff;
    border: 1px solid #e1dfdd; border-radius: 4px; padding: 5px 12px; min-height: 32px; }
  .ac-pushButton.style-positive { background: #6264a7; color: #fff; border-color: #6264a7; }
  .ac-pushButton.style-destructive { color: #c4314b; }
  .ac-input { font: 14px 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif; border: 1px solid #e1dfdd; border-radius: 4px;
    padding: 5px 8px; background: #fff; box-sizing: border-box; }`;

export const layouts = {
  desktop: { width: 500, backslashEscapes: true },
  phone: { width: 360, backslashEscapes: false },
};

/** Opens a page for one layout; the page's renderCard(json) parses, validates and renders into #host. */
export async function openCardPage(browser, layout) {
  const page = await browser.newPage({ viewport: { width: layout.width + 20, height: 800 } });
  await page.setContent(`<html><head><style>${teamsLook}</style></head><body>
    <div id="host" style="width:${layout.width}px;padding:10px"></div></body></html>`);
  await page.addScriptTag({ path: adaptiveCards });
  await page.addScriptTag({ path: markdownIt });
  await page.evaluate(setUpRenderer, { hostConfig, backslashEscapes: layout.backslashEscapes });
  return page;
}

// Runs in the page.
function setUpRenderer({ hostConfig, backslashEscapes }) {
  const AC = window.AdaptiveCards;
  const markdown = window.markdownit({ html: false });
  if (!backslashEscapes) markdown.disable('escape');
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };
  const config = new AC.HostConfig(hostConfig);

  // What a person sees of each text: TextBlocks (markdown), RichTextBlocks (plain TextRuns), input values and
  // placeholders, and the choices of dropdowns. Texts with right-to-left letters also get `visual`: their characters
  // in the order they appear on screen, left to right, line by line. `cut`: the text runs past its own block (a word
  // or a list wider than the card), so its end is hidden by the card's edge.
  const shownTexts = (root) => [...root.querySelectorAll('.ac-textBlock, .ac-richTextBlock, input, textarea, option')].flatMap(el => {
    if (el.tagName === 'OPTION') return [{ kind: 'choice', text: el.textContent, html: el.innerHTML }];
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
      return [el.value && { kind: 'value', text: el.value, html: '' }, el.placeholder && { kind: 'placeholder', text: el.placeholder, html: '' }]
        .filter(Boolean);
    }
    const kind = el.classList.contains('ac-richTextBlock') ? 'richTextBlock' : 'textBlock';
    const text = el.innerText;
    return [{ kind, text, html: el.innerHTML, visual: rightToLeft.test(text) ? visualText(el) : null, cut: el.scrollWidth > el.clientWidth + 1 }];
  });
  const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  const visualText = (el) => {
    const glyphs = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let offset = 0;
      for (const character of node.data) {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + character.length);
        offset += character.length;
        const box = range.getBoundingClientRect();
        if (box.width > 0) glyphs.push({ character, x: box.left, y: box.top + box.height / 2 });
      }
    }
    glyphs.sort((a, b) => a.y - b.y);
    const lines = [];
    for (const glyph of glyphs) {
      const line = lines.at(-1);
      if (line && glyph.y - line[0].y < 6) line.push(glyph);
      else lines.push([glyph]);
    }
    return lines.map(line => line.sort((a, b) => a.x - b.x).map(g => g.character).join('')).join('\n');
  };

  window.renderCard = (json) => {
    const errors = [];
    const warnings = [];
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    const card = new AC.AdaptiveCard();
    card.hostConfig = config;
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
    return { errors, warnings, texts: rendered ? shownTexts(rendered) : [] };
  };
}
