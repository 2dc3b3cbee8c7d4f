import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { readEmails, signInAs, signOut } from './journey-helpers';

/**
 * A council agent's skills offer, through the UI only, from the fresh demo database: the form says in French, next
 * to each field, what is wrong; the offer waits for the line manager, who answers from the e-mailed personal link
 * without signing in. An approval publishes the offer; a refusal keeps it unpublished and its reason reaches the
 * agent.
 */

// Hugo Ferrand, fonctionnaire of the Direction du numérique; his line manager is Karim Benali (prisma/seed/demo-agents.ts).
const AGENT = /Se connecter : Hugo Ferrand/;
const AGENT_EMAIL = 'hugo.ferrand@demo.gard.fr';
const AGENT_NAME = 'Hugo Ferrand';
const MANAGER_EMAIL = 'karim.benali@demo.gard.fr';
const MANAGER_NAME = 'Karim Benali';

/** The one e-mail matching subject and recipient whose text names `about`. */
async function readEmailAbout(page: Page, subject: RegExp, to: string, about: string): Promise<string> {
  const texts = (await readEmails(page, subject, to)).filter((text) => text.includes(about));
  expect(texts, `one e-mail « ${subject.source} » to ${to} about « ${about} »`).toHaveLength(1);
  return texts[0]!;
}

/** The path of the first link of the e-mail text pointing under `prefix` (the app URL may name another host). */
function linkPath(text: string, prefix: string): string {
  const url = text.match(new RegExp(`https?://[^\\s\\])>]+${prefix}[^\\s\\])>]+`))?.[0];
  expect(url, `a link to ${prefix} in:\n${text}`).toBeTruthy();
  return new URL(url!).pathname;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openAgentSpace(page: Page) {
  await page.goto('/compte');
  await page.getByRole('link', { name: 'Mes propositions de compétences' }).click();
  await expect(page).toHaveURL(/\/espace\/agent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes propositions de compétences');
}

/** Posts a correct skills offer from the agent space; lands back on the agent space, the offer waiting. */
async function proposeSkills(page: Page, offer: { title: string; description: string; skills: string }) {
  await openAgentSpace(page);
  await page.getByRole('link', { name: 'Proposer mes compétences' }).click();
  await expect(page).toHaveURL(/\/publier\/offre-competences$/);
  await page.getByLabel('Intitulé').fill(offer.title);
  await page.getByLabel('Description').fill(offer.description);
  await page.getByLabel('Compétences').fill(offer.skills);
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page).toHaveURL(/\/espace\/agent#accords$/);
  await expect(page.getByText(`${offer.title} : accord en attente`)).toBeVisible();
}

test('an agent proposes skills: French errors next to the fields, then the offer waits for the line manager', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).slice(-5);
  const title = `Ateliers de sauvegarde informatique (${run})`;

  await signInAs(page, AGENT);
  await openAgentSpace(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Proposer mes compétences' }).click();
  await expect(page).toHaveURL(/\/publier\/offre-competences$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proposer mes compétences');
  await expect(page.getByText('Votre proposition sera publiée dès que votre responsable hiérarchique aura donné son accord')).toBeVisible();
  await expectAccessible(page);

  // 1. A first try with errors: nothing is published, each field says what is wrong, in French.
  const titleInput = page.getByLabel('Intitulé');
  const description = page.getByLabel('Description');
  const skills = page.getByLabel('Compétences');
  const hours = page.getByLabel('Heures par mois');
  await titleInput.fill('Web');
  await description.fill('Trop court.');
  await skills.fill(' , ');
  await hours.fill('99');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('alert')).toHaveText('Rien n’a été publié : corrigez les champs signalés.');
  await expect(page).toHaveURL(/\/publier\/offre-competences$/);
  const expected: [typeof titleInput, string][] = [
    [titleInput, 'Intitulé : 5 caractères au moins.'],
    [description, 'Description : 20 caractères au moins, pour que les suggestions soient pertinentes.'],
    [skills, 'Compétences : indiquez-en au moins un.'],
    [hours, 'Heures par mois : 40 au plus.'],
  ];
  for (const [input, message] of expected) {
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(`${escape(message)}$`));
    // The message is printed right under the field.
    await expect(input.locator('xpath=following-sibling::p[1]')).toHaveText(message);
  }
  await expect(page.getByLabel('Distance que j’accepte de parcourir (km)')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // 2. Corrected, the offer is recorded and waits for the line manager's agreement.
  await titleInput.fill(title);
  await description.fill('Je montre à une petite équipe comment sauvegarder ses postes et ses données, et comment restaurer un fichier perdu.');
  await skills.fill('sauvegarde, informatique, sécurité informatique');
  await hours.fill('6');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page).toHaveURL(/\/espace\/agent#accords$/);
  const row = page.getByRole('table', { name: 'Compétences que je propose' }).getByRole('row').filter({ hasText: title });
  await expect(row.getByRole('cell', { name: 'En attente de validation' })).toBeVisible();
  await expect(page.getByText(`${title} : accord en attente`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Demander l’accord de mon responsable pour « ${title} »` })).toBeVisible();
  // Not published yet: the catalogue does not list it.
  await page.goto(`/offres?q=${encodeURIComponent(title)}`);
  await expect(page.getByText('Aucune offre ne correspond à ces critères.')).toBeVisible();
});

test('the line manager approves one offer from the e-mailed link (published) and refuses another with a reason', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).slice(-5);
  const approved = {
    title: `Installer des logiciels libres au bureau (${run})`,
    description: 'Je propose d’aider une association à passer à des logiciels libres : bureautique, messagerie, partage de fichiers.',
    skills: 'logiciels libres, bureautique, informatique',
  };
  const refused = {
    title: `Câbler le réseau d’un tiers-lieu (${run})`,
    description: 'Je peux aider un tiers-lieu à câbler son réseau local et à installer un accès Wi-Fi pour ses usagers.',
    skills: 'réseaux, Wi-Fi, informatique',
  };
  const refusalReason = 'Le service déploie le nouveau réseau du collège ce trimestre : reproposez cette offre en juin.';

  // 1. The agent posts two offers and asks the line manager's agreement for each.
  await signInAs(page, AGENT);
  for (const offer of [approved, refused]) {
    await proposeSkills(page, offer);
    await page.getByRole('button', { name: `Demander l’accord de mon responsable pour « ${offer.title} »` }).click();
    const sent = page.getByRole('status');
    await expect(sent).toHaveText(`La demande d’accord a été envoyée à ${MANAGER_EMAIL}.`);
  }
  await expectAccessible(page);
  await signOut(page);

  // 2. Signed out, the manager opens the approval link of the first offer, gives a name and approves.
  const request = await readEmailAbout(page, new RegExp(`^Votre accord est demandé : mécénat de compétences de ${AGENT_NAME}$`), MANAGER_EMAIL, approved.title);
  const approvalPath = linkPath(request, '/accord/');
  await page.goto(approvalPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accord pour un mécénat de compétences');
  await expect(page.locator('dl.facts').getByText(approved.title)).toBeVisible();
  await expect(page.getByText(`${AGENT_NAME}, Technicien support, souhaite mettre ses compétences`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Votre nom').fill(MANAGER_NAME);
  await page.getByRole('radio', { name: 'Je donne mon accord à cette mise à disposition' }).check();
  await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
  await expect(page.getByRole('status')).toHaveText('Votre accord est enregistré : la proposition est publiée et l’agent en est informé.');
  await expect(page.getByRole('button', { name: 'Enregistrer ma réponse' })).toHaveCount(0);
  // The link serves once.
  await page.goto(approvalPath);
  await expect(page.getByText('Une réponse a déjà été donnée à cette demande.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer ma réponse' })).toHaveCount(0);

  // 3. The agent is told, and the offer is in the public catalogue.
  const told = await readEmailAbout(page, new RegExp(`^Accord donné : « ${escape(approved.title)} » est publiée$`), AGENT_EMAIL, approved.title);
  expect(told).toContain(MANAGER_NAME);
  await page.goto(`/offres?q=${encodeURIComponent(approved.title)}`);
  const results = page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await results.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(approved.title);

  // 4. The second offer: a refusal needs a reason; given, it is recorded and sent to the agent.
  const secondRequest = await readEmailAbout(page, new RegExp(`^Votre accord est demandé : mécénat de compétences de ${AGENT_NAME}$`), MANAGER_EMAIL, refused.title);
  await page.goto(linkPath(secondRequest, '/accord/'));
  await expect(page.locator('dl.facts').getByText(refused.title)).toBeVisible();
  await page.getByLabel('Votre nom').fill(MANAGER_NAME);
  await page.getByRole('radio', { name: 'Je refuse' }).check();
  await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
  await expect(page.getByRole('alert')).toHaveText('Indiquez le motif de votre décision.');
  await expect(page.getByLabel('Motif du refus')).toHaveAccessibleDescription(/Indiquez le motif \(3 caractères au moins\)\.$/);
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Je refuse' }).check();
  await page.getByLabel('Motif du refus').fill(refusalReason);
  await page.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
  await expect(page.getByRole('status')).toHaveText('Votre refus est enregistré : l’agent en est informé avec votre motif.');
  const refusal = await readEmailAbout(page, new RegExp(`^Accord refusé : « ${escape(refused.title)} »$`), AGENT_EMAIL, refused.title);
  expect(refusal).toContain(refusalReason);
  await page.goto(`/offres?q=${encodeURIComponent(refused.title)}`);
  await expect(page.getByText('Aucune offre ne correspond à ces critères.')).toBeVisible();

  // 5. On the agent space: the first offer is published, the second refused with its reason.
  await signInAs(page, AGENT);
  await openAgentSpace(page);
  const offers = page.getByRole('table', { name: 'Compétences que je propose' });
  await expect(offers.getByRole('row').filter({ hasText: approved.title }).getByRole('cell', { name: 'Publiée' })).toBeVisible();
  await expect(page.getByText(`${approved.title} : accord donné`)).toBeVisible();
  await expect(page.getByText(`${refused.title} : accord refusé (motif : ${refusalReason})`)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`pour « ${escape(approved.title)} »`) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`pour « ${escape(refused.title)} »`) })).toHaveCount(0);
  await expectAccessible(page);
});
