import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { readEmails, signInAs } from './journey-helpers';

/**
 * A property service lists a vacant building, through the UI only, from the fresh demo database: a file that only
 * pretends to be a PNG is refused with the photo problem named, a real PNG is stored and shown with its text
 * alternative on the public offer page, and the service proposes the building to the structure whose need it fits.
 */

const PROPERTY_MANAGER = /Se connecter : Sylvie Arnal/;
// Villeneuve-lès-Avignon, a building of 120 m² or more, step-free, within 20 km (prisma/seed/demo-needs.ts).
const NEED = 'Une salle de répétition';
const NEED_EMAIL = 'contact@theatre-remparts.example.org';
const SERVICE = "Direction de l'immobilier et du patrimoine";

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a property service lists a building with a checked photo and proposes it to a matching space need', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).slice(-5);
  const title = `Ancienne salle des fêtes du Fort (${run})`;
  const alt = `Façade en pierre de la salle des fêtes, porte vitrée de plain-pied (${run})`;

  // 1. From the service's space, the property form.
  await signInAs(page, PROPERTY_MANAGER);
  await page.getByRole('link', { name: 'Les biens proposés par mon service' }).click();
  await expect(page).toHaveURL(/\/espace\/patrimoine$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les biens proposés par mon service');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Proposer un bien vacant' }).click();
  await expect(page).toHaveURL(/\/patrimoine\/biens\/nouveau$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proposer un bien vacant en occupation temporaire');
  await expectAccessible(page);

  await page.getByLabel('Intitulé').fill(title);
  await page.getByRole('textbox', { name: /^Description \(état/ }).fill('Salle de 150 m² avec une scène, des loges et une réserve, libérée après le déménagement du service.');
  await page.getByLabel('Type de bien').selectOption({ label: 'Bâtiment' });
  await page.getByLabel('Adresse', { exact: true }).fill('3 montée du Fort, 30400 Villeneuve-lès-Avignon');
  await page.getByLabel('Commune').selectOption({ label: 'Villeneuve-lès-Avignon' });
  await page.getByLabel('Surface (m²)').fill('150');
  await page.getByLabel('Étage').fill('0');
  await page.getByRole('checkbox', { name: 'Accès de plain-pied (personnes à mobilité réduite)' }).check();
  await page.getByLabel('Domaine').selectOption({ label: 'Domaine privé du Département' });
  await page.getByLabel('Conditions et contreparties').fill('Ouverture de deux représentations par an aux collégiens.');

  // 2. A text file named .png is refused by its content: the alert names the photo's problem.
  await page.getByLabel('Photo 1', { exact: true }).setInputFiles({ name: 'facade.png', mimeType: 'image/png', buffer: Buffer.from('Ceci n’est pas une image, seulement du texte.\n', 'utf8') });
  await page.getByLabel('Description de la photo 1').fill(alt);
  await page.getByRole('button', { name: 'Publier le bien' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal.getByText('Le bien n’a pas été publié.')).toBeVisible();
  await expect(refusal.getByRole('listitem')).toHaveText(['Photo 1 : JPEG, PNG ou WebP attendu.']);
  await expect(page).toHaveURL(/\/patrimoine\/biens\/nouveau$/);
  await expect(page.getByLabel('Intitulé')).toHaveValue(title);
  await expectAccessible(page);

  // 3. A real PNG: the building is published and its suggestions open.
  await page.getByLabel('Photo 1', { exact: true }).setInputFiles({ name: 'facade.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Publier le bien' }).click();
  await expect(page).toHaveURL(/\/offres\/[^/]+\/suggestions$/);
  const suggestionsPath = new URL(page.url()).pathname;
  const offerPath = suggestionsPath.replace(/\/suggestions$/, '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Besoins auxquels « ${title} » peut répondre`);
  const suggestion = page.locator('ol.suggestions > li').filter({ has: page.getByRole('heading', { name: NEED }) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByText('Villeneuve-lès-Avignon · pertinence')).toBeVisible();
  await expect(suggestion.getByRole('listitem').filter({ hasText: 'bâtiment de 150 m² (minimum demandé : 120 m²)' })).toBeVisible();
  await expect(suggestion.getByRole('listitem').filter({ hasText: 'dans la même commune (Villeneuve-lès-Avignon)' })).toBeVisible();
  await expectAccessible(page);

  // 4. The public offer page shows the photo with its text alternative, served as a PNG.
  await page.goto(offerPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('dl.facts').getByText('oui, accessible aux personnes à mobilité réduite')).toBeVisible();
  const photo = page.getByRole('img', { name: alt });
  await expect(photo).toHaveCount(1);
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const src = await photo.getAttribute('src');
  expect(src).toMatch(/^\/photos\/[^/]+$/);
  const served = await page.request.get(src!);
  expect(served.ok()).toBe(true);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.compare(await served.body(), PNG)).toBe(0);
  await expectAccessible(page);

  // 5. The service's space lists it once, published; the refused try left nothing behind.
  await page.goto('/espace/patrimoine');
  const listed = page.getByRole('table', { name: 'Biens en appel à occupation' }).getByRole('row').filter({ hasText: title });
  await expect(listed).toHaveCount(1);
  await expect(listed.getByRole('cell', { name: 'Publiée' })).toBeVisible();

  // 6. The service proposes the building to the theatre company's need; the company is told by e-mail.
  await listed.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${suggestionsPath}$`));
  await page.getByRole('button', { name: `Proposer cette mise en relation : ${NEED}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mise en relation — Lieu');
  await expect(page.getByText(`${NEED} (Compagnie du Théâtre des Remparts)`)).toBeVisible();
  await expect(page.getByText('Proposée par le porteur de l’offre, en attente de réponse')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accepter la mise en relation' })).toHaveCount(0);
  await expectAccessible(page);
  const told = (await readEmails(page, new RegExp(`^${escape(SERVICE)} vous propose une mise en relation$`), NEED_EMAIL)).filter((text) => text.includes(title));
  expect(told, `one proposal about « ${title} » to ${NEED_EMAIL}`).toHaveLength(1);
  expect(told[0]).toContain(matchPath);
});
