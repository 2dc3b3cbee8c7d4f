import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { readEmail, signInAs, signOut } from './journey-helpers';

/**
 * A call for occupation, through the UI only, from the fresh demo database: the property service opens a call on
 * the building a grouping of structures would fit; the grouping's lead structure applies from its suggestions; the
 * service closes the call, records the elected officials' decision (a refused form keeps the errors next to its
 * fields), accepts the chosen application and lands on the drafted convention; the structure is told by e-mail.
 */

const PROPERTY_MANAGER = /Se connecter : Sylvie Arnal/;
const LEAD = /Se connecter : .*Cévennes Recyclerie/;
const LEAD_EMAIL = 'contact@cevennes-recyclerie.example.org';
// A grouping led by the recyclerie: a building of 300 m² or more, step-free (prisma/seed/demo-needs.ts).
const NEED = 'Un pôle réemploi pour les Cévennes';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function needSuggestions(page: Page) {
  await page.goto('/compte');
  await page.getByRole('link', { name: /^Espace de la structure/ }).first().click();
  await page.getByRole('link', { name: NEED }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Offres suggérées pour « ${NEED} »`);
}

test('a property service runs a call for occupation up to the elected officials’ decision and the convention', async ({ page }) => {
  test.setTimeout(180_000);

  // 1. The building that fits the grouping, as the lead structure sees it.
  await signInAs(page, LEAD);
  await needSuggestions(page);
  const first = page.locator('ol.suggestions > li').first();
  const property = (await first.getByRole('heading').first().innerText()).trim();
  expect(property.length).toBeGreaterThan(0);
  await signOut(page);

  // 2. The property service opens a call on it.
  await signInAs(page, PROPERTY_MANAGER);
  await page.goto('/espace/patrimoine');
  await page.getByRole('link', { name: `Appel à occupation — ${property}` }).click();
  await expect(page).toHaveURL(/\/patrimoine\/appels\/[^/]+$/);
  const callPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Appel à occupation — ${property}`);
  await expectAccessible(page);
  await page.getByLabel('Date limite de candidature').fill(isoDay(21));
  await page.getByRole('button', { name: /^(Ouvrir|Rouvrir) l’appel$|^Enregistrer la date limite$/ }).click();
  await expect(page.getByRole('status')).toContainText('jusqu’au');
  await expect(page.getByText('Aucune candidature pour l’instant.')).toBeVisible();
  await signOut(page);

  // 3. The lead structure applies from its suggestions.
  await signInAs(page, LEAD);
  await needSuggestions(page);
  await page.getByRole('button', { name: `Proposer cette mise en relation : ${property}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  await expect(page.getByText('Proposée par le porteur du besoin, en attente de réponse')).toBeVisible();
  await signOut(page);

  // 4. The service sees the grouping's application, closes the call and records the decision.
  await signInAs(page, PROPERTY_MANAGER);
  await page.goto(callPath);
  const applications = page.getByRole('table', { name: /Candidatures/ });
  const row = applications.getByRole('row').filter({ hasText: NEED });
  await expect(row).toContainText('Groupement mené par');
  await expect(row).toContainText('Candidature en attente');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clore l’appel' }).click();
  await expect(page.getByRole('status')).toContainText('Appel à occupation clos');

  const decision = page.getByRole('form', { name: new RegExp(`^Retenir « ${escape(NEED)} »`) });
  await decision.getByRole('button', { name: /^Enregistrer la décision/ }).click();
  await expect(decision.getByLabel('Numéro de la délibération')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await decision.getByLabel('Instance qui a décidé').fill('Commission permanente du Conseil départemental');
  await decision.getByLabel('Date de la décision').fill(isoDay(0));
  await decision.getByLabel('Numéro de la délibération').fill('CP-E2E-017');
  await decision.getByRole('button', { name: /^Enregistrer la décision/ }).click();
  await expect(page.getByRole('status')).toContainText('Décision enregistrée');
  await expect(page.getByText('n° CP-E2E-017')).toBeVisible();

  // 5. Accepting the chosen application drafts the occupation convention.
  await page.getByRole('button', { name: `Accepter cette candidature : ${NEED}` }).click();
  await expect(page).toHaveURL(/\/conventions\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Convention');
  await signOut(page);

  // 6. The lead structure is told, quoting the deliberation.
  await signInAs(page, LEAD);
  const told = await readEmail(page, new RegExp(`^Appel à occupation : votre candidature est retenue pour « ${escape(property)} »$`), LEAD_EMAIL);
  expect(told).toContain('CP-E2E-017');
});
