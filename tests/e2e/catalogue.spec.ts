import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';

test('a visitor reads the home page, filters the catalogue and opens an offer', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Passerelles');
  const stagesCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Stages de 3e/ }) });
  const published = Number((await stagesCard.locator('.count').innerText()).replace(/\s/g, ''));
  expect(published).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Offres', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Les offres publiées' })).toBeVisible();
  // The offline map (MapLibre, local Gard shapes) draws in the browser without any tile server.
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Type d’offre').selectOption({ label: 'Stages de 3e' });
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/type=stage/);
  await expect(page.getByRole('status')).toContainText(`${published} offre`);
  const results = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  for (const badge of await results.locator('.badge').allInnerTexts()) expect(badge).toBe('Stage de 3e');

  const firstTitle = await results.first().getByRole('heading').innerText();
  await results.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await expect(page.getByText('Semaines proposées')).toBeVisible();
  // No personal data on public pages: no email address anywhere.
  expect(await page.locator('main').innerText()).not.toMatch(/@/);
  await expectAccessible(page);
});

test('the catalogue paginates, shows an empty state and a French 404', async ({ page }) => {
  await page.goto('/offres');
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
  await page.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('status')).toContainText('page 2 sur');

  await page.goto('/offres?q=zzzz-introuvable');
  await expect(page.getByText('Aucune offre ne correspond à ces critères.')).toBeVisible();

  const response = await page.goto('/offres/inexistante');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expectAccessible(page);
});
