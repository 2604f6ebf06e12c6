// End-to-end coaching goal in Microsoft 365 Agents Playground, in headless Chromium. The playground user installed
// the app in the team, so leads it and may set goals.
// In General: "@Test Bot new goal" shows the form; a title is filled in (the deadline is four weeks out already) and
// the goal is created; then someone checks in on the goal card, which shows the check-in in place.
// Usage: node playground-goal.mjs <url> <title> <screenshot.png>
import { openTeamChannel, runInPlayground } from './playground-steps.mjs';

const [url, title, screenshot] = process.argv.slice(2);
await runInPlayground(screenshot, async (page) => {
  await openTeamChannel(page, url);
  await page.getByRole('textbox').first().click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: /Test Bot/ }).first().click(); // a channel message reaches the bot only with a mention
  await page.keyboard.type(' new goal');
  await page.getByRole('button', { name: 'Post' }).click();
  const form = page.locator('.ac-adaptiveCard', { hasText: 'New goal for the team' }).last();
  await form.waitFor({ timeout: 30000 });
  await form.getByLabel(/The goal, in short/).fill(title);
  await form.getByLabel(/How we will know/).fill('Den nye sier i evalueringen at det hjalp.');
  await form.getByRole('button', { name: 'Create the goal' }).click();
  await page.getByText(/The goal is created and posted/).first().waitFor({ timeout: 30000 });
  console.log('goal created');

  const card = page.locator('.ac-adaptiveCard', { hasText: /The goal is created and posted/ }).last();
  await card.getByRole('button', { name: 'Check in' }).click();
  await card.getByLabel(/Short note/).fill('To faddere er klare.');
  await card.getByRole('button', { name: 'Send check-in' }).click();
  await page.getByText(/Thanks! Your check-in is saved\./).first().waitFor({ timeout: 30000 });
  await page.getByText(/Latest check-in \(of 1\)/).first().waitFor({ timeout: 5000 });
  console.log('checked in');
}, 1600);
