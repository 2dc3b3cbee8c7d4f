import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { linkPath, readEmail, signInAs, signInByEmail, signOut } from './journey-helpers';

/**
 * The Mission ESS at work, through the UI only, from the fresh demo database: it withdraws a need with a reason (the
 * author is told, the need leaves the published list) and publishes it again, refuses a declared eligibility (a
 * reason is required), lists the conventions by status and exports them as CSV. Nobody else reaches these pages.
 * A property placement is first accepted by both sides, so that at least one convention exists.
 */

const ADMIN = /Se connecter : .*Mission ESS \(administration\)/;
const PROPERTY_SERVICE = /Se connecter : Service du patrimoine/;
const STRUCTURE_MEMBER = /Se connecter : .*Les Jardins partagés de la Placette/;
// A rooftop of 900 m² in Bagnols-sur-Cèze and the need for 500 m² of rooftop there (prisma/seed/demo-*.ts).
const ROOFTOP = "Toiture du gymnase d'un collège";
const ROOFTOP_NEED = 'Des toitures pour notre prochaine centrale citoyenne';
const ROOFTOP_NEED_EMAIL = 'contact@toits-du-soleil.example.org';
// Le Relais des Aidants: a published skills need, and an eligibility declared but not yet verified.
const NEED = 'Faire connaître nos permanences';
const NEED_AUTHOR = 'contact@relais-aidants.example.org';
const UNVERIFIED = 'Le Relais des Aidants';

/** Sets the moderation filters and applies them. */
async function filterPublications(page: Page, filters: { type: string; status: string; q: string }) {
  const form = page.locator('form.filters');
  await form.getByLabel('Publications').selectOption({ label: filters.type });
  await form.getByLabel('État').selectOption({ label: filters.status });
  await form.getByLabel('Texte').fill(filters.q);
  await form.getByRole('button', { name: 'Filtrer' }).click();
}

test('the Mission ESS moderates a need, refuses an eligibility with a reason and exports the conventions', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-5);
  const withdrawal = `Les permanences annoncées sont fermées depuis l’été : merci de mettre les dates à jour (${run}).`;
  const refusal = `Aucun rescrit fiscal ni justificatif d’intérêt général fourni (${run}).`;

  // 0. A rooftop placement accepted by both sides: its convention is drafted.
  await signInAs(page, PROPERTY_SERVICE);
  await page.goto('/espace/patrimoine');
  await page.getByRole('table', { name: 'Biens en appel à occupation' }).getByRole('link', { name: ROOFTOP }).click();
  await page.getByRole('button', { name: `Proposer cette mise en relation : ${ROOFTOP_NEED}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await signOut(page);
  await signInByEmail(page, ROOFTOP_NEED_EMAIL);
  const proposal = await readEmail(page, /^Direction de l'immobilier et du patrimoine vous propose une mise en relation$/, ROOFTOP_NEED_EMAIL);
  expect(linkPath(proposal, '/mises-en-relation/')).toBe(matchPath);
  await page.goto(matchPath);
  await page.getByRole('button', { name: 'Accepter la mise en relation' }).click();
  await expect(page).toHaveURL(/\/conventions\/[^/]+$/);
  await signOut(page);

  // 1. Moderation: the need is found by its text among the published needs.
  await signInAs(page, ADMIN);
  await page.getByRole('link', { name: 'Administration de la Mission ESS' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mission ESS');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Modérer les offres et les besoins' }).click();
  await expect(page).toHaveURL(/\/admin\/publications$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modération des publications');
  await expectAccessible(page);
  await filterPublications(page, { type: 'Besoins', status: 'Publiée', q: 'permanences' });
  await expect(page).toHaveURL(/type=besoin.*status=PUBLISHED.*q=permanences/);
  const count = page.getByRole('status').filter({ hasText: /^\d+ publications?$/ });
  await expect(count).toHaveText('1 publication');
  const row = page.getByRole('row').filter({ hasText: NEED });
  await expect(row.getByRole('cell', { name: UNVERIFIED, exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Publiée', exact: true })).toBeVisible();

  // 2. Withdrawn with a reason: gone from the published needs, the author told the reason.
  await row.getByLabel('Motif du retrait').fill(withdrawal);
  await row.getByRole('button', { name: `Retirer « ${NEED} »` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Publication retirée' })).toHaveText('Publication retirée ; son auteur a reçu le motif.');
  await expect(count).toHaveText('0 publication');
  await expect(page.getByText('Aucune publication ne correspond à ces filtres.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: NEED })).toHaveCount(0);
  await expectAccessible(page);
  const told = await readEmail(page, new RegExp(`^Publication retirée : « ${NEED} »$`), NEED_AUTHOR);
  expect(told).toContain(withdrawal);
  expect(told).toContain('Monique Brun');

  // 3. Among the withdrawn needs, it is published again.
  await page.goto('/admin/publications');
  await filterPublications(page, { type: 'Besoins', status: 'Archivée', q: 'permanences' });
  await expect(count).toHaveText('1 publication');
  await expect(row.getByRole('cell', { name: 'Archivée', exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Remettre en ligne « ${NEED} »` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'remise en ligne' })).toHaveText('Publication remise en ligne.');
  await expect(count).toHaveText('0 publication');
  await filterPublications(page, { type: 'Besoins', status: 'Publiée', q: 'permanences' });
  await expect(count).toHaveText('1 publication');
  await expect(row.getByRole('cell', { name: 'Publiée', exact: true })).toBeVisible();

  // 4. A declared eligibility is refused: a reason is required, then kept; the structure leaves the list.
  await page.getByRole('link', { name: 'Mission ESS', exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const toVerify = page.getByRole('table', { name: 'Structures ayant déclaré une éligibilité au mécénat de compétences' });
  const structure = toVerify.getByRole('row').filter({ has: page.getByRole('link', { name: UNVERIFIED, exact: true }) });
  await expect(structure.getByRole('cell', { name: 'organisme d’intérêt général' })).toBeVisible();
  await structure.getByRole('button', { name: `Refuser l’éligibilité de ${UNVERIFIED}` }).click();
  await expect(page.getByRole('alert')).toHaveText('Indiquez le motif de votre décision.');
  await expect(structure).toHaveCount(1);
  await expectAccessible(page);
  await structure.getByLabel('Motif d’un refus').fill(refusal);
  await structure.getByRole('button', { name: `Refuser l’éligibilité de ${UNVERIFIED}` }).click();
  await expect(page.getByRole('status')).toHaveText('Éligibilité refusée ; le motif est conservé.');
  await expect(page.getByRole('link', { name: UNVERIFIED, exact: true })).toHaveCount(0);

  // 5. The conventions, filtered by status, and their CSV export (semicolons, French header).
  await page.getByRole('link', { name: 'Toutes les conventions' }).click();
  await expect(page).toHaveURL(/\/conventions$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conventions');
  await page.getByLabel('État').selectOption({ label: 'Projet' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/\/conventions\?(.*&)?status=DRAFT(&|$)/);
  const conventions = page.getByRole('table', { name: 'Conventions' });
  const rooftopRow = conventions.getByRole('row').filter({ hasText: `${ROOFTOP_NEED} / ${ROOFTOP}` });
  await expect(rooftopRow.getByRole('cell', { name: 'Lieu', exact: true })).toBeVisible();
  const total = Number((await page.getByRole('status').innerText()).match(/^(\d+) conventions?$/)?.[1]);
  expect(total).toBeGreaterThan(0);
  const states = await conventions.locator('tbody tr td:last-child').allInnerTexts();
  expect(new Set(states)).toEqual(new Set(['Projet']));
  await expectAccessible(page);
  const exportLink = page.getByRole('link', { name: 'Exporter cette liste (CSV)' });
  await expect(exportLink).toHaveAttribute('href', '/conventions/export.csv?status=DRAFT');
  const csv = await page.request.get((await exportLink.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="conventions-\d{4}-\d{2}-\d{2}\.csv"$/);
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('référence;type;état;version;modèle;version du modèle;besoin;porteur du besoin;offre;porteur de l’offre;début;fin;signée le;créée le');
  expect(lines).toHaveLength(total + 1);
  const rooftopLine = lines.find((line) => line.includes(ROOFTOP_NEED))?.split(';');
  expect(rooftopLine).toHaveLength(14);
  expect(rooftopLine!.slice(1, 3)).toEqual(['LIEU', 'Projet']);
  expect(rooftopLine!.slice(6, 10)).toEqual([ROOFTOP_NEED, 'Coopérative Les Toits du Soleil', ROOFTOP, "Direction de l'immobilier et du patrimoine"]);
  await signOut(page);

  // 6. A structure member is refused the Mission ESS pages.
  await signInAs(page, STRUCTURE_MEMBER);
  for (const path of ['/admin', '/admin/publications']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
    await expect(page.getByRole('button', { name: /^Retirer/ })).toHaveCount(0);
  }
});
