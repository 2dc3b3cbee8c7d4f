import { expect, test, type Page } from '@playwright/test';
import { addDays, daysBetween, mondayOnOrAfter, startOfUtcDay, utcDate } from '../../prisma/seed/dates';
import { expectAccessible } from './a11y';
import { readEmail, readEmails, signInAs, signOut } from './journey-helpers';

/**
 * A collège's stage journey, through the UI only, from the fresh demo database: the principal imports a class list
 * (a wrong file is refused as a whole, line by line), looks for stages for one week, proposes a suggested offer;
 * the host structure accepts from the e-mailed link; the collège names two pupils, completes one convention and
 * sends the group: the complete one goes out, the other is listed as still to complete. Another collège sees none
 * of it.
 */

const COLLEGE = /Se connecter : Frédéric Lambert — principal·e du Collège Les Garrigues/;
const OTHER_COLLEGE = /Se connecter : Anne Servières — principal·e du Collège du Mont Aigoual/;
const HOST = /Se connecter : .*Cévennes Recyclerie/;
const HOST_EMAIL = 'contact@cevennes-recyclerie.example.org';
const OFFER_TITLE = 'Découvrir le réemploi à la recyclerie';

/** The seed writes observation weeks for 2026-2027 and moves them by whole weeks once that is past (prisma/seed/seed.ts). */
const SEED_FIRST_MONDAY = '2026-12-07';
/** One of the weeks of « Découvrir le réemploi à la recyclerie » (prisma/seed/demo-internships.ts), five weeks after the first. */
const RECYCLERIE_WEEK = '2027-01-11';

function demoWeek(isoDate: string): string {
  const shift = Math.max(0, daysBetween(utcDate(SEED_FIRST_MONDAY), mondayOnOrAfter(startOfUtcDay(new Date()))));
  return addDays(utcDate(isoDate), shift).toISOString().slice(0, 10);
}

/** The path of the first link of the e-mail text pointing under `prefix` (the app URL may name another host). */
function linkPath(text: string, prefix: string): string {
  const url = text.match(new RegExp(`https?://[^\\s\\])>]+${prefix}[^\\s\\])>]+`))?.[0];
  expect(url, `a link to ${prefix} in:\n${text}`).toBeTruthy();
  return new URL(url!).pathname;
}

function csvFile(lines: string[]) {
  return { name: 'eleves-3e.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') };
}

const pupilsHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Élèves \(\d+\)$/ });

async function pupilCount(page: Page): Promise<number> {
  await expect(pupilsHeading(page)).toBeVisible();
  return Number((await pupilsHeading(page).innerText()).match(/\d+/)?.[0]);
}

test('a collège imports its pupils, finds a stage, names two pupils and sends the complete convention of the group', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-5);
  const needTitle = `Stages de 3e Z, réemploi (${run})`;
  const week = demoWeek(RECYCLERIE_WEEK);
  // Pupils of 14 (born fourteen years before this year, early in the year), a class name no demo pupil has.
  const birthYear = new Date().getUTCFullYear() - 14;
  const pupils = [
    { lastName: 'Aubanel', firstName: 'Théodore', birth: `14/01/${birthYear}`, rep: `famille.aubanel.${run}@example.org` },
    { lastName: 'Roumanille', firstName: 'Joséphine', birth: `03/02/${birthYear}`, rep: `famille.roumanille.${run}@example.org` },
    { lastName: 'Mistral', firstName: 'Frédéric', birth: `21/03/${birthYear}`, rep: `famille.mistral.${run}@example.org` },
  ];
  const header = 'Nom;Prénom;Classe;Date de naissance;E-mail du représentant légal';
  const line = (p: (typeof pupils)[number]) => `${p.lastName};${p.firstName};3e Z;${p.birth};${p.rep}`;

  // 1. The principal opens the collège space.
  await signInAs(page, COLLEGE);
  await page.getByRole('link', { name: 'Espace du collège Collège Les Garrigues' }).click();
  await expect(page).toHaveURL(/\/espace\/college\/[^/]+$/);
  const spacePath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collège Les Garrigues');
  await expectAccessible(page);
  const before = await pupilCount(page);
  const fileInput = page.getByLabel('Importer une liste d’élèves (CSV)');

  // 2. A file with one wrong line is refused as a whole, the line named.
  await fileInput.setInputFiles(csvFile([header, line(pupils[0]!), `${pupils[1]!.lastName};${pupils[1]!.firstName};3e Z;31/02/${birthYear};${pupils[1]!.rep}`, line(pupils[2]!)]));
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Aucun élève importé : 1 ligne(s) à corriger.');
  await expect(refusal.getByRole('listitem')).toHaveText([`Ligne 3 : date de naissance invalide (« 31/02/${birthYear} », attendu JJ/MM/AAAA).`]);
  await expect(pupilsHeading(page)).toHaveText(`Élèves (${before})`);
  await expect(page.getByRole('table', { name: 'Élèves du collège' }).getByRole('cell', { name: '3e Z' })).toHaveCount(0);
  await expectAccessible(page);

  // 3. The corrected file imports the three pupils.
  await fileInput.setInputFiles(csvFile([header, ...pupils.map(line)]));
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('3 élève(s) importé(s).');
  await expect(pupilsHeading(page)).toHaveText(`Élèves (${before + 3})`);
  const table = page.getByRole('table', { name: 'Élèves du collège' });
  for (const p of pupils) {
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: `${p.lastName} ${p.firstName}`, exact: true }) });
    await expect(row.getByRole('cell', { name: '3e Z', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Pas encore de stage' })).toBeVisible();
    await expect(row.getByRole('button', { name: `Retirer ${p.firstName} ${p.lastName}` })).toBeVisible();
  }

  // 4. A stage need for the week, then its suggestions; the collège proposes the recyclerie.
  await page.getByRole('link', { name: 'Chercher des stages de 3e pour une classe' }).click();
  await expect(page).toHaveURL(/\/publier\/besoin-stage\?organisation=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chercher des stages de 3e');
  await expect(page.getByText('Pour : Collège Les Garrigues')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Intitulé').fill(needTitle);
  await page.getByLabel('Description').fill('Deux élèves de 3e Z aiment bricoler et voudraient découvrir le réemploi et la réparation des objets.');
  await page.getByLabel('Lundi de la semaine de stage').fill(week);
  await page.getByLabel('Nombre d’élèves').fill('2');
  await page.getByRole('radio', { name: 'En groupe' }).check();
  await page.getByLabel('Centres d’intérêt des élèves').fill('réemploi, réparation, bricolage');
  await expect(page.getByLabel('Commune')).toHaveValue('30189');
  await page.getByLabel('Distance maximale (km)').fill('50');
  await page.getByRole('button', { name: 'Publier' }).click();

  await expect(page).toHaveURL(/\/besoins\/[^/]+\/suggestions$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Offres suggérées pour « ${needTitle} »`);
  const suggestion = page.locator('ol.suggestions > li').filter({ has: page.getByRole('heading', { name: OFFER_TITLE }) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByText(/à \d+ km/)).toBeVisible();
  await expectAccessible(page);
  await suggestion.getByRole('button', { name: `Proposer cette mise en relation : ${OFFER_TITLE}` }).click();

  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mise en relation — Stage de 3e');
  await expect(page.getByText('Proposée par le porteur du besoin, en attente de réponse')).toBeVisible();
  await expect(page.getByText(`${needTitle} (Collège Les Garrigues)`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accepter la mise en relation' })).toHaveCount(0);
  await signOut(page);

  // 5. The host structure opens the match from its e-mail and accepts it.
  await signInAs(page, HOST);
  const proposed = await readEmail(page, /^Collège Les Garrigues vous propose une mise en relation$/, HOST_EMAIL);
  expect(linkPath(proposed, '/mises-en-relation/')).toBe(matchPath);
  await page.goto(matchPath);
  await expect(page.getByRole('heading', { name: 'Votre réponse' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accepter la mise en relation' }).click();
  await expect(page).toHaveURL(new RegExp(`${matchPath}$`));
  await expect(page.getByText('Acceptée par les deux parties')).toBeVisible();
  // Only the collège names its pupils.
  await expect(page.getByRole('heading', { name: 'Désigner les élèves' })).toHaveCount(0);
  await signOut(page);

  // 6. The collège names two of the imported pupils and the referent teacher: one draft convention per pupil.
  await signInAs(page, COLLEGE);
  await page.goto(matchPath);
  await expect(page.getByRole('heading', { name: 'Désigner les élèves' })).toBeVisible();
  await expectAccessible(page);
  const [first, second, third] = pupils as [(typeof pupils)[number], (typeof pupils)[number], (typeof pupils)[number]];
  await page.getByRole('checkbox', { name: `${first.lastName} ${first.firstName} (3e Z)` }).check();
  await page.getByRole('checkbox', { name: `${second.lastName} ${second.firstName} (3e Z)` }).check();
  await page.getByLabel('Professeur·e référent·e').fill('Camille Daudet');
  await page.getByLabel('Son adresse e-mail').fill(`camille.daudet.${run}@example.org`);
  await page.getByRole('button', { name: 'Préparer les conventions' }).click();
  await expect(page.getByRole('status')).toHaveText('2 convention(s) préparée(s), une par élève.');
  const conventions = page.getByRole('region', { name: 'Conventions' });
  const conventionLinks = conventions.getByRole('link', { name: /^PAS-.* — .* \(Projet\)$/ });
  await expect(conventionLinks).toHaveCount(2);
  await expect(conventions.getByRole('link', { name: new RegExp(` — ${first.firstName} ${first.lastName} \\(Projet\\)$`) })).toBeVisible();
  await expect(conventions.getByRole('link', { name: new RegExp(` — ${second.firstName} ${second.lastName} \\(Projet\\)$`) })).toBeVisible();
  // The pupils placed that week are no longer offered; the third still is.
  await expect(page.getByRole('checkbox', { name: `${first.lastName} ${first.firstName} (3e Z)` })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `${third.lastName} ${third.firstName} (3e Z)` })).toBeVisible();

  // 7. The first pupil's convention says what is missing; once completed and saved, nothing is.
  await conventions.getByRole('link', { name: new RegExp(` — ${first.firstName} ${first.lastName} \\(Projet\\)$`) }).click();
  await expect(page).toHaveURL(/\/conventions\/[^/]+$/);
  const conventionPath = new URL(page.url()).pathname;
  const facts = page.locator('dl.facts');
  await expect(facts.getByText(`${first.firstName} ${first.lastName} (3e Z)`)).toBeVisible();
  await expectAccessible(page);
  const missing = page.getByText(/^À compléter avant l’envoi :/);
  await expect(missing).toHaveText('À compléter avant l’envoi : nom du ou de la représentant·e légal·e.');
  const form = page.getByRole('region', { name: 'Compléter le projet' });
  await expect(form.getByLabel('Professeur ou professeure référent·e')).toHaveValue('Camille Daudet');
  await expect(form.getByLabel('E-mail du ou de la représentant·e légal·e')).toHaveValue(first.rep);
  await form.getByLabel('Représentant·e légal·e', { exact: true }).fill(`Marie ${first.lastName}`);
  await form.getByRole('button', { name: 'Enregistrer le projet' }).click();
  await expect(page.getByRole('status')).toHaveText('Projet enregistré.');
  await expect(missing).toHaveCount(0);
  await expect(form.getByLabel('Représentant·e légal·e', { exact: true })).toHaveValue(`Marie ${first.lastName}`);
  await expect(page.getByRole('button', { name: 'Envoyer pour signature' })).toBeEnabled();

  // 8. From the match, the group is sent: the complete convention goes out, the other waits to be completed.
  await page.getByRole('link', { name: 'La mise en relation' }).click();
  await expect(page).toHaveURL(new RegExp(`${matchPath}$`));
  await page.getByRole('button', { name: 'Envoyer pour signature toutes les conventions complètes du groupe' }).click();
  const sent = page.getByRole('status');
  await expect(sent).toContainText('1 convention(s) envoyée(s) pour signature.');
  await expect(sent).toContainText('1 à compléter d’abord');
  await expect(sent).toContainText('nom du ou de la représentant·e légal·e');
  await expect(conventions.getByRole('link', { name: new RegExp(` — ${first.firstName} ${first.lastName} \\(Prête à signer\\)$`) })).toBeVisible();
  await expect(conventions.getByRole('link', { name: new RegExp(` — ${second.firstName} ${second.lastName} \\(Projet\\)$`) })).toBeVisible();
  // The address given in the file receives two personal links: one to sign as the legal representative, one for the
  // pupil (a minor has no address of their own); nothing goes out for the incomplete convention.
  const toSign = await readEmails(page, /^Convention à signer : /, first.rep);
  expect(toSign).toHaveLength(2);
  const asRepresentative = toSign.find((text) => text.includes('en tant que Le ou la représentant·e légal·e de l’élève'));
  const asPupil = toSign.find((text) => text.includes('en tant que l’élève (ce second lien vous est adressé en tant que représentant·e légal·e'));
  expect(asRepresentative, toSign.join('\n---\n')).toContain(`Bonjour Marie ${first.lastName}`);
  expect(asPupil, toSign.join('\n---\n')).toContain(`Bonjour ${first.firstName} ${first.lastName}`);
  expect(linkPath(asRepresentative!, '/signature/')).not.toBe(linkPath(asPupil!, '/signature/'));
  expect(await readEmails(page, /^Convention à signer : /, second.rep)).toHaveLength(0);
  await signOut(page);

  // 9. Another collège reaches neither this collège's space nor its conventions.
  await signInAs(page, OTHER_COLLEGE);
  const space = await page.goto(spacePath);
  expect([403, 404]).toContain(space?.status());
  await expect(page.getByText(first.lastName)).toHaveCount(0);
  const convention = await page.goto(conventionPath);
  expect([403, 404]).toContain(convention?.status());
  await expect(page.getByText(first.lastName)).toHaveCount(0);
  const match = await page.goto(matchPath);
  expect([403, 404]).toContain(match?.status());
});
