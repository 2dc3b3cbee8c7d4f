import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { readEmail, signInAs, signOut } from './journey-helpers';

/**
 * The Mission ESS's other tools, through the UI only, from the fresh demo database: it publishes a new version of
 * the thesaurus (a missing note is refused next to its field) and follows the re-embedding it starts on the progress
 * page; it finds a structure's fresh proposal by searching the matches, exports the list, and cancels the match with
 * a reason both sides receive.
 */

const ADMIN = /Se connecter : .*Mission ESS \(administration\)/;
const STRUCTURE_MEMBER = /Se connecter : .*Les Jardins partagés de la Placette/;
const STRUCTURE_EMAIL = 'contact@jardins-placette.example.org';
const NEED = 'Mettre de l’ordre dans notre comptabilité';
// The convention journey places this agent's offer on the same need: this journey proposes another one.
const TAKEN_OFFER = 'Tenue de la comptabilité associative';

test('the Mission ESS publishes the thesaurus, then searches, exports and cancels a match', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-5);

  // 1. A structure proposes a skills placement from its suggestions.
  await signInAs(page, STRUCTURE_MEMBER);
  await page.getByRole('link', { name: /^Espace de la structure/ }).first().click();
  await page.getByRole('link', { name: NEED }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Offres suggérées pour « ${NEED} »`);
  const first = page
    .locator('ol.suggestions > li')
    .filter({ has: page.getByRole('button', { name: /^Proposer cette mise en relation/ }) })
    .filter({ hasNotText: TAKEN_OFFER })
    .first();
  const offer = (await first.getByRole('heading').first().innerText()).trim();
  await first.getByRole('button', { name: `Proposer cette mise en relation : ${offer}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await signOut(page);

  // 2. A new version of the thesaurus: the note is required; publishing starts the re-embedding, followed to its end.
  await signInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Modèles de convention et thésaurus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modèles de convention et thésaurus');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Thésaurus du rapprochement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thésaurus du rapprochement');
  const editor = page.getByLabel(/^Thésaurus \(JSON\)/);
  const thesaurus = JSON.parse(await editor.inputValue()) as { groups: { label: string; terms: string[] }[] };
  thesaurus.groups.push({ label: `apiculture ${run}`, terms: ['apiculture', 'rucher', 'ruches'] });
  await editor.fill(JSON.stringify(thesaurus, null, 2));
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByLabel('Ce qui change')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Ce qui change').fill(`Ajout des termes de l’apiculture (${run})`);
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByRole('link', { name: 'Suivre le recalcul des vecteurs des offres et des besoins' }).click();
  await expect(page).toHaveURL(/\/travaux\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recalcul des vecteurs des offres et des besoins');
  await expect(page.getByRole('status')).toHaveText('Terminé.', { timeout: 60_000 });
  await expect(page.getByText(/\d+ offre\(s\) et besoin\(s\) recalculé\(s\)/)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/admin/contenus/thesaurus/thesaurus-fr');
  await expect(page.getByRole('table', { name: /Versions de/ }).getByRole('row').filter({ hasText: `(${run})` })).toContainText('(en vigueur)');

  // 3. The match is found by searching, and the list is exported with the same filters.
  await page.goto('/mises-en-relation');
  const search = page.getByRole('search', { name: 'Rechercher dans les mises en relation' });
  await search.getByLabel(/^Texte/).fill(offer);
  await search.getByLabel('Type').selectOption({ label: 'Compétences' });
  await search.getByLabel('État').selectOption({ label: 'Proposée par le porteur du besoin, en attente de réponse' });
  await search.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole('table', { name: /mises en relation/i }).getByRole('row').filter({ hasText: NEED });
  await expect(rows).toHaveCount(1);
  await expectAccessible(page);
  const exportLink = page.getByRole('link', { name: 'Exporter cette liste (CSV)' });
  const csv = await page.request.get((await exportLink.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(NEED);

  // 4. Cancelled with a reason (required, in French next to the field); both sides are told.
  await page.goto(matchPath);
  const cancel = page.getByRole('group', { name: 'Annuler la mise en relation' });
  await cancel.getByRole('button', { name: 'Annuler la mise en relation' }).click();
  await expect(cancel.getByLabel(/^Motif de l’annulation/)).toHaveAttribute('aria-invalid', 'true');
  await cancel.getByLabel(/^Motif de l’annulation/).fill(`Proposition en double, déjà traitée par téléphone (${run})`);
  await cancel.getByRole('button', { name: 'Annuler la mise en relation' }).click();
  await expect(page.getByRole('status')).toContainText('Mise en relation annulée');
  await expect(page.getByRole('group', { name: 'Annuler la mise en relation' })).toHaveCount(0);
  const told = await readEmail(page, new RegExp(`^Mise en relation annulée : « ${NEED} »$`), STRUCTURE_EMAIL);
  expect(told).toContain(`(${run})`);
});
