import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { readEmail, readEmails, signInAs, signOut } from './journey-helpers';

/**
 * The whole skills placement, through the UI only, from the fresh demo database: an agent proposes a match, the
 * structure accepts, completes and sends the convention, the three signatories sign through their e-mailed links,
 * the final PDF is downloadable by a party only, and its code is recognised on the public verification page.
 */

const AGENT = /Se connecter : Marie Chabert/;
const HOST = /Se connecter : .*Les Jardins partagés de la Placette/;
const OUTSIDER = /Se connecter : .*Atelier Vélo Solidaire du Gardon/;
const HOST_EMAIL = 'contact@jardins-placette.example.org';
const AGENT_EMAIL = 'marie.chabert@demo.gard.fr';
const ADMIN_EMAIL = 'mission-ess@demo.gard.fr';
const NEED_TITLE = 'Mettre de l’ordre dans notre comptabilité';

/** The path of the first link of the e-mail text pointing under `prefix` (the app URL may name another host). */
function linkPath(text: string, prefix: string): string {
  const url = text.match(new RegExp(`https?://[^\\s\\])>]+${prefix}[^\\s\\])>]+`))?.[0];
  expect(url, `a link to ${prefix} in:\n${text}`).toBeTruthy();
  const { pathname } = new URL(url!);
  return pathname;
}

async function fetchPdf(page: Page, conventionId: string): Promise<Buffer> {
  const response = await page.request.get(`/conventions/${conventionId}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return body;
}

test('a skills placement goes from suggestion to signed convention, with signature links and verification', async ({ page }) => {
  test.setTimeout(180_000);

  // 1. The agent opens the suggestions of her published, approved offer and proposes the match to an eligible, verified structure.
  await signInAs(page, AGENT);
  await page.getByRole('link', { name: 'Mes propositions de compétences' }).click();
  await expect(page).toHaveURL(/\/espace\/agent$/);
  await page.getByRole('table', { name: 'Compétences que je propose' }).getByRole('link', { name: /comptabilité associative/ }).click();
  await expect(page).toHaveURL(/\/offres\/[^/]+\/suggestions$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('peut répondre');
  await page.getByRole('button', { name: `Proposer cette mise en relation : ${NEED_TITLE}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Mise en relation/);
  await expect(page.getByText('Proposée par le porteur de l’offre, en attente de réponse')).toBeVisible();
  await expect(page.getByText(`${NEED_TITLE} (Les Jardins partagés de la Placette)`)).toBeVisible();
  // The proposer waits: she cannot answer her own proposal.
  await expect(page.getByRole('button', { name: 'Accepter la mise en relation' })).toHaveCount(0);
  await signOut(page);

  // 2. The structure's member opens the match from the e-mail and accepts it: the convention is drafted.
  await signInAs(page, HOST);
  // Other journeys may have written to the same structure: the proposal about this need is the one.
  const proposals = (await readEmails(page, /vous propose une mise en relation$/, HOST_EMAIL)).filter((text) => text.includes(`« ${NEED_TITLE} »`));
  expect(proposals).toHaveLength(1);
  const proposed = proposals[0]!;
  expect(linkPath(proposed, '/mises-en-relation/')).toBe(matchPath);
  await page.goto(matchPath);
  await expect(page.getByRole('heading', { name: 'Votre réponse' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accepter la mise en relation' }).click();
  await expect(page).toHaveURL(/\/conventions\/[^/]+$/);
  const conventionId = new URL(page.url()).pathname.split('/').pop()!;
  const facts = page.locator('dl.facts');
  await expect(facts.getByText('Projet', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // 3. What is missing is said; once completed and saved, the convention is sent for signature.
  const missing = page.getByText(/^À compléter avant l’envoi :/);
  await expect(missing).toContainText('référence de l’arrêté');
  await expect(missing).toContainText('date de l’arrêté');
  await expect(missing).toContainText('montant de la subvention en nature');
  await expect(page.getByRole('button', { name: 'Envoyer pour signature' })).toBeDisabled();

  const form = page.getByRole('region', { name: 'Compléter le projet' });
  await form.getByLabel('Référence de l’arrêté de mise à disposition').fill('ARR-2025-0042');
  await form.getByLabel('Date de l’arrêté').fill(new Date().toISOString().slice(0, 10));
  await form.getByLabel('Montant de la subvention en nature (euros)').fill('1200');
  await form.getByRole('button', { name: 'Enregistrer le projet' }).click();
  await expect(page.getByRole('status')).toHaveText('Projet enregistré.');
  await expect(missing).toHaveCount(0);
  await expect(form.getByLabel('Référence de l’arrêté de mise à disposition')).toHaveValue('ARR-2025-0042');

  await page.getByRole('button', { name: 'Envoyer pour signature' }).click();
  await expect(page.getByRole('status')).toHaveText('Version 1 envoyée : chaque signataire reçoit son lien par e-mail.');
  await expect(facts.getByText('Prête à signer', { exact: true })).toBeVisible();
  const signatories = page.getByRole('table', { name: 'Signataires et état de leur signature' });
  await expect(signatories.getByRole('row')).toHaveCount(4);
  await expect(signatories.getByText('En attente')).toHaveCount(3);
  const unsignedPdf = await fetchPdf(page, conventionId);

  // 4. Each signatory signs through the personal link of their own e-mail.
  const signers = [
    { to: ADMIN_EMAIL, role: 'Pour le Département du Gard' },
    { to: HOST_EMAIL, role: 'Pour l’organisme d’accueil' },
    { to: AGENT_EMAIL, role: 'L’agent mis à disposition' },
  ];
  const links: string[] = [];
  for (const signer of signers) {
    const text = await readEmail(page, /^Convention à signer : /, signer.to);
    links.push(linkPath(text, '/signature/'));
  }
  expect(new Set(links).size).toBe(3);

  for (const [index, signer] of signers.entries()) {
    await page.goto(links[index]!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Signature de la convention PAS-\d{4}-CMP-/);
    await expect(page.getByText(`Vous signez en tant que : ${signer.role} — `)).toBeVisible();
    await expectAccessible(page);
    const hint = await page.getByText(/tel qu’il figure sur la convention :/).innerText();
    const name = hint.match(/tel qu’il figure sur la convention : (.+)\)/)?.[1]?.trim();
    expect(name, hint).toBeTruthy();
    await page.getByLabel('Votre nom complet').fill(name!);
    await page.getByRole('checkbox', { name: /je la signe/ }).check();
    await page.getByRole('button', { name: 'Signer la convention' }).click();
    const confirmation = page.getByRole('status');
    await expect(confirmation).toContainText('Votre signature est enregistrée.');
    if (index < signers.length - 1) {
      await expect(confirmation).toContainText('quand toutes les parties auront signé');
    } else {
      await expect(confirmation).toContainText('Toutes les parties ont signé');
    }
    await expect(page.getByRole('button', { name: 'Signer la convention' })).toHaveCount(0);
  }

  // 5. A used link only says so.
  await page.goto(links[0]!);
  await expect(page.getByText('Ce lien a déjà servi')).toBeVisible();
  await expect(page.getByLabel('Votre nom complet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Signer la convention' })).toHaveCount(0);

  // 6. A party downloads the signed PDF (the signed version plus its certificate page); an outsider cannot.
  await page.goto(`/conventions/${conventionId}`);
  await expect(facts.getByText('Signée', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger la convention signée (PDF)' })).toBeVisible();
  await expect(signatories.getByText(/^Signée le /)).toHaveCount(3);
  await expectAccessible(page);
  const signedPdf = await fetchPdf(page, conventionId);
  expect(signedPdf.length).toBeGreaterThan(unsignedPdf.length);

  const signedEmail = await readEmail(page, /^Convention signée : /, HOST_EMAIL);
  const code = signedEmail.match(/code de vérification\s*:?\s*([0-9A-Z]{4}-[0-9A-Z]{4})/i)?.[1];
  expect(code, signedEmail).toBeTruthy();
  await signOut(page);

  await signInAs(page, OUTSIDER);
  const refused = await page.request.get(`/conventions/${conventionId}/pdf`);
  expect([403, 404]).toContain(refused.status());
  expect(refused.headers()['content-type'] ?? '').not.toContain('application/pdf');
  const outsiderPage = await page.goto(`/conventions/${conventionId}`);
  expect([403, 404]).toContain(outsiderPage?.status());

  // 7. Anyone holding the document checks its code on the public verification page.
  await signOut(page);
  await page.goto('/verification');
  await page.getByLabel('Code de vérification ou empreinte SHA-256').fill(code!);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByRole('status')).toContainText('Document authentique');
  await expect(page.getByRole('status')).toContainText('signée par toutes les parties');
  await expectAccessible(page);
});
