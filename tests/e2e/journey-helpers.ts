import { expect, type Page } from '@playwright/test';

/** Steps every journey shares: the demo sign-in, signing out, and reading emails from the local outbox. */

export async function signInAs(page: Page, account: RegExp) {
  await page.goto('/connexion/demo');
  await page.getByRole('button', { name: account }).click();
  await expect(page).toHaveURL(/\/compte$/);
}

export async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter', exact: true })).toBeVisible();
}

/** Opens, in the local outbox, the e-mails whose subject and recipient match, and returns their text versions. */
export async function readEmails(page: Page, subject: RegExp, to: string): Promise<string[]> {
  await page.goto('/outbox');
  const rows = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: subject }) })
    .filter({ has: page.getByRole('cell', { name: to, exact: true }) });
  const hrefs = await rows.getByRole('link', { name: subject }).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const texts: string[] = [];
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
    texts.push(await page.locator('pre').innerText());
  }
  return texts;
}

export async function readEmail(page: Page, subject: RegExp, to: string): Promise<string> {
  const texts = await readEmails(page, subject, to);
  expect(texts, `one e-mail « ${subject.source} » to ${to}`).toHaveLength(1);
  return texts[0]!;
}

/** Path and query of the first link of the e-mail text pointing under `prefix` (the app URL may name another host). */
export function linkPath(text: string, prefix: string): string {
  const url = text.match(new RegExp(`https?://[^\\s\\])>]+${prefix}[^\\s\\])>]*`))?.[0];
  expect(url, `a link to ${prefix} in:\n${text}`).toBeTruthy();
  const { pathname, search } = new URL(url!);
  return pathname + search;
}

/** Asks for a magic link, opens it from the outbox and confirms: lands on the account page. */
export async function signInByEmail(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel(/Adresse électronique/).fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('status')).toContainText(email);
  const text = await readEmail(page, /^Votre lien de connexion à Passerelles$/, email);
  await page.goto(linkPath(text, '/connexion/verifier'));
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.locator('dl.facts').getByText(email)).toBeVisible();
}
