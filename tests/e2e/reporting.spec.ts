import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { signInAs } from './journey-helpers';

/**
 * The plan's reporting, as its readers see it: the public pages on the rules of the matching and on the open data
 * (no sign-in), then the Mission ESS's dashboard with its charts and tables, and the priority zones page.
 */

const ADMIN = /Se connecter : .*Mission ESS \(administration\)/;

test('the public reads the matching rules and the open data; the Mission ESS reads the dashboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('link', { name: /transparence algorithmique/ }).click();
  await expect(page).toHaveURL(/\/transparence$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/CADA/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/');
  await page.getByRole('link', { name: 'Données ouvertes' }).click();
  await expect(page).toHaveURL(/\/donnees/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const json = await page.request.get('/donnees/indicateurs.json');
  expect(json.ok()).toBe(true);
  expect(json.headers()['content-type']).toContain('application/json');

  await signInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Tableau de bord du plan (action 4.4)' }).click();
  await expect(page).toHaveURL(/\/admin\/tableau-de-bord/);
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/admin');
  await page.getByRole('link', { name: 'Zones prioritaires (FRR, QPV)' }).click();
  await expect(page).toHaveURL(/\/admin\/zones$/);
  await expectAccessible(page);
});
