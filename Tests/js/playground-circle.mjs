// End-to-end improvement circle in a team channel of Microsoft 365 Agents Playground, in headless Chromium. The
// playground user installed the app in the team, so leads it and makes its HMS group.
// 1. In General: "@Test Bot hms-group" makes the group; on its card the user starts a circle with a topic; writes
//    <ready-file>.
// 2. Waits for <go-file> (the test has then let the workshop's time come: the workshop card is in the channel), writes
//    the worksheet on the workshop card, sees it passed on as the baton, and adds an anonymous input to it.
// Usage: node playground-circle.mjs <url> <topic> <ready-file> <go-file> <screenshot.png>
import { existsSync, writeFileSync } from 'node:fs';
import { openTeamChannel, runInPlayground } from './playground-steps.mjs';

const [url, topic, readyFile, goFile, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamChannel(page, url);
  await page.getByRole('textbox').first().click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: /Test Bot/ }).first().click(); // a channel message reaches the bot only with a mention
  await page.keyboard.type(' hms-group');
  await page.getByRole('button', { name: 'Post' }).click();
  const group = page.locator('.ac-adaptiveCard', { hasText: 'The HMS group is made' }).last();
  await group.waitFor({ timeout: 30000 });
  await group.getByRole('button', { name: 'Start an improvement circle' }).click();
  await group.getByLabel(/Topic/).fill(topic);
  await group.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText(/The circle has started/).first().waitFor({ timeout: 30000 });
  console.log('circle started');
  writeFileSync(readyFile, 'ready');

  const deadline = Date.now() + 60000;
  while (!existsSync(goFile)) {
    if (Date.now() > deadline) throw new Error('the test never said go');
    await page.waitForTimeout(200);
  }
  // The workshop card speaks the team's language (bokmål, or English when the playground announces en-US).
  const workshop = page.locator('.ac-adaptiveCard', { hasText: /Utforske|Explore/ }).last();
  await workshop.waitFor({ timeout: 30000 });
  console.log('workshop card shown');
  await workshop.getByRole('button', { name: /Write the worksheet|Skriv arbeidsarket/ }).click();
  await workshop.getByLabel(/What came up|Dette kom fram/).fill('Beskjeder blir borte ved vaktskifte.');
  await workshop.getByRole('button', { name: /Pass it on as the baton|Send videre som stafettpinne/ }).click();
  await page.getByText(/The worksheet is passed on/).first().waitFor({ timeout: 30000 });
  console.log('baton passed on');

  const baton = page.locator('.ac-adaptiveCard', { hasText: /The worksheet is passed on/ }).last();
  await baton.getByRole('button', { name: 'Add an input' }).click();
  await baton.getByLabel(/Your input/).fill('Kveldsvakta får sjelden med seg beskjedene.');
  await baton.getByText(/Anonymous \(stored without your name\)/).click();
  await baton.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(/Thanks! Your input is added\./).first().waitFor({ timeout: 30000 });
  await page.getByText(/Anonymous: Kveldsvakta/).first().waitFor({ timeout: 5000 });
  console.log('input added');
}, 1600);
