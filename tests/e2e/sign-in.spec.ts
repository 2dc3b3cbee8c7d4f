import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';

test('a person signs in with a magic link read from the local outbox, then signs out', async ({ page }) => {
  const email = `camille.durand.${Date.now()}@exemple.org`;
  await page.goto('/connexion');
  await expectAccessible(page);

  await page.getByLabel(/Adresse électronique/).fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel(/Adresse électronique/)).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(/Adresse électronique/).fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('status')).toContainText(email);

  await page.getByRole('link', { name: 'boîte d’envoi locale' }).click();
  await page.getByRole('row').filter({ hasText: email }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre lien de connexion à Passerelles');
  const text = await page.locator('pre').innerText();
  const link = text.match(/https?:\/\/\S+\/connexion\/verifier\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // Opening the link alone does not sign in (mail scanners open links): a button confirms.
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmer la connexion');
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fcompte/);

  await page.goto(link!);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);

  // The link is single-use.
  await page.goto(link!);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('n’est plus valide');

  await page.goto('/compte');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter', exact: true })).toBeVisible();
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/connexion/);
});
