import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';

test('a collège signs in with a demo account and reads explained internship suggestions', async ({ page }) => {
  await page.goto('/connexion/demo');
  await expectAccessible(page);
  await page.getByRole('button', { name: /Se connecter : .*principal·e du Collège/ }).first().click();
  await expect(page).toHaveURL(/\/compte$/);

  await page.getByRole('link', { name: /Espace du collège/ }).click();
  const needs = page.getByRole('table', { name: /Besoins du collège/ });
  await needs.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Offres suggérées pour');

  const suggestions = page.locator('ol.suggestions > li');
  await expect(suggestions.first()).toBeVisible();
  const first = suggestions.first();
  await expect(first.getByText(/semaine du \d{1,2}(er)? \w+ 20\d\d/)).toBeVisible();
  await expect(first.getByText(/à \d+ km|dans la même commune/)).toBeVisible();
  await expectAccessible(page);
});

test('an agent sees the needs their skill could serve, and cannot open another organisation’s space', async ({ page }) => {
  await page.goto('/connexion/demo');
  await page.getByRole('button', { name: /Se connecter : .*comptable/ }).click();
  await page.getByRole('link', { name: 'Mes propositions de compétences' }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('peut répondre');
  await expectAccessible(page);

  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
});
