import { expect, test } from '@playwright/test';
import { addDays, daysBetween, mondayOnOrAfter, startOfUtcDay, utcDate } from '../../prisma/seed/dates';
import { expectAccessible } from './a11y';
import { signInAs, signInByEmail, signOut } from './journey-helpers';

/**
 * A collège new to Passerelles, through the UI only: a member of staff signs in with an academic address, declares
 * the collège (a wrong UAI key is refused next to the field), imports a class with one priority pupil, publishes a
 * need for pupils placed one by one, runs the cohort allocation (progress page, then the proposal), moves a pupil by
 * hand, and validates: the hosts receive the collège's proposals.
 */

const SEED_FIRST_MONDAY = '2026-12-07';
/** A week with four demo hosts within 50 km of Nîmes (prisma/seed/demo-internships.ts). */
const BUSY_WEEK = '2027-01-11';

function demoWeek(isoDate: string): string {
  const shift = Math.max(0, daysBetween(utcDate(SEED_FIRST_MONDAY), mondayOnOrAfter(startOfUtcDay(new Date()))));
  return addDays(utcDate(isoDate), shift).toISOString().slice(0, 10);
}

test('a new collège is declared, then its pupils are allocated to stages, reviewed, adjusted and proposed', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-5);
  const email = `principal.${run}@ac-montpellier.fr`;
  const collegeName = `Collège Alphonse Daudet ${run}`;

  // 1. Sign-in by e-mailed link.
  await signInByEmail(page, email);

  // 2. Declaring the collège: the UAI key is checked.
  await page.getByRole('link', { name: 'Déclarer un collège' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarer un collège');
  await expectAccessible(page);
  await page.getByLabel('Nom du collège').fill(collegeName);
  await page.getByLabel('Numéro UAI (ex-RNE)').fill('0301235A');
  await page.getByLabel('Adresse', { exact: true }).fill('12 avenue Jean Jaurès');
  await page.getByRole('radio', { name: 'Oui, REP', exact: true }).check();
  await page.getByRole('button', { name: 'Déclarer le collège' }).click();
  await expect(page.getByLabel('Numéro UAI (ex-RNE)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('UAI : la lettre de contrôle ne correspond pas, vérifiez le numéro.')).toBeVisible();
  await expectAccessible(page);
  const uai = validUai(run);
  await page.getByLabel('Numéro UAI (ex-RNE)').fill(uai);
  await page.getByRole('button', { name: 'Déclarer le collège' }).click();
  await expect(page).toHaveURL(/\/espace\/college\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(collegeName);
  await expect(page.getByText(`UAI ${uai}`)).toBeVisible();
  const spacePath = new URL(page.url()).pathname;
  await expect(page.getByText('Aucun besoin publié pour des élèves placés un par un.')).toBeVisible();

  // 3. A class of three, one of them without a network.
  const birthYear = new Date().getUTCFullYear() - 14;
  const csv = [
    'Nom;Prénom;Classe;Date de naissance;E-mail du représentant légal;Prioritaire;Centres d’intérêt',
    `Arène;Paul;3e D;02/02/${birthYear};arene.${run}@example.org;oui;solidarité, alimentation`,
    `Bosco;Henri;3e D;03/03/${birthYear};bosco.${run}@example.org;non;énergie, climat`,
    `Cabanis;Rose;3e D;04/04/${birthYear};cabanis.${run}@example.org;non;`,
  ].join('\r\n');
  await page.getByLabel('Importer une liste d’élèves (CSV)').setInputFiles({ name: 'classe.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('3 élève(s) importé(s).');
  const pupils = page.getByRole('table', { name: 'Élèves du collège' });
  await expect(pupils.getByRole('row').filter({ hasText: 'Arène Paul' }).getByText('prioritaire', { exact: true })).toBeVisible();

  // 4. A need for pupils placed one by one.
  await page.getByRole('link', { name: 'Chercher des stages de 3e pour une classe' }).click();
  const needTitle = `Stages individuels 3e D (${run})`;
  await page.getByLabel('Intitulé').fill(needTitle);
  await page.getByLabel('Description').fill('Trois élèves de 3e D cherchent chacun une semaine d’observation dans une structure de l’ESS.');
  await page.getByLabel('Lundi de la semaine de stage').fill(demoWeek(BUSY_WEEK));
  await page.getByLabel('Nombre d’élèves').fill('3');
  await page.getByRole('radio', { name: 'Individuellement' }).check();
  await page.getByLabel('Distance maximale (km)').fill('50');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page).toHaveURL(/\/besoins\/[^/]+\/suggestions$/);

  // 5. The allocation runs in the background; its progress page leads to the proposal.
  await page.goto(spacePath);
  const allocation = page.getByRole('region', { name: 'Affectation des élèves' });
  await allocation.getByRole('button', { name: `Affecter les élèves pour ${needTitle}` }).click();
  await expect(page).toHaveURL(/\/(travaux|affectations)\/[^/]+$/);
  await expect(page).toHaveURL(/\/affectations\/[^/]+$/, { timeout: 30_000 });
  const reviewPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Affectation des élèves');
  await expect(page.getByText('3 élève(s) sur 3 ont un stage dans cette proposition, dont 1 sur 1 élève(s) prioritaire(s).')).toBeVisible();
  await expectAccessible(page);
  const proposal = page.getByRole('table', { name: /Proposition d’affectation/ });
  await expect(proposal.getByRole('row')).toHaveCount(4);
  await expect(proposal.getByRole('row').filter({ hasText: 'Arène Paul' })).toContainText('priorité : élève sans réseau');

  // 6. The collège leaves one pupil without a stage, then validates: the hosts are asked.
  await page.getByLabel('Stage de Cabanis Rose').selectOption('');
  await page.getByRole('button', { name: 'Modifier le stage de Cabanis Rose' }).click();
  await expect(page.getByRole('status')).toHaveText('L’élève reste sans stage dans cette proposition.');
  await expect(page.getByText('2 élève(s) sur 3 ont un stage dans cette proposition, dont 1 sur 1 élève(s) prioritaire(s).')).toBeVisible();
  await expect(proposal.getByRole('row').filter({ hasText: 'Cabanis Rose' })).toContainText('Laissé(e) sans stage par le collège');
  await page.getByRole('button', { name: 'Valider et proposer aux structures' }).click();
  await expect(page.getByRole('status')).toContainText('sollicitée(s)');
  await expect(page.getByText('Validée, proposée aux structures')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Valider et proposer aux structures' })).toHaveCount(0);
  await page.getByRole('link', { name: 'mise en relation' }).click();
  await expect(page.getByRole('row').filter({ hasText: needTitle }).first()).toBeVisible();

  // 7. Nobody else reads the proposal: pupils are minors.
  await signOut(page);
  await signInAs(page, /Se connecter : Frédéric Lambert/);
  const other = await page.goto(reviewPath);
  expect([403, 404]).toContain(other?.status());
  await expect(page.getByText('Arène')).toHaveCount(0);
});

/** A Gard UAI with a valid key letter, different on every run (the key skips I, O and Q). */
function validUai(run: string): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const number = 300000 + (parseInt(run, 36) % 9999);
  const digits = String(number).padStart(7, '0');
  return `${digits}${letters[number % 23]}`;
}
