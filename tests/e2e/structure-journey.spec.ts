import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { linkPath, readEmail, signInAs, signInByEmail, signOut } from './journey-helpers';

/**
 * A new ESS structure, through the UI only, from the fresh demo database: a person signs in with a magic link read
 * from the local outbox, registers a structure (a wrong SIRET key is refused next to the field, nothing created),
 * invites a colleague, posts a space need (errors first), proposes a suggested property and waits for the property
 * service; the Mission ESS then confirms the declared eligibility.
 */

const ADMIN = /Se connecter : .*Mission ESS \(administration\)/;
// Nîmes, 95 m², step-free (prisma/seed/demo-properties.ts): the only demo property of 50 m² or more within 15 km of Nîmes.
const PROPERTY = 'Bureaux vacants au deuxième étage';
const PROPERTY_SERVICE = 'sylvie.arnal@demo.gard.fr';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A 14-digit SIRET whose Luhn key is right (or, with `wrongKey`, off by one). */
function siret(run: string, wrongKey = false): string {
  const body = `81${String(parseInt(run, 36)).padStart(11, '0').slice(-11)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  const key = (10 - (sum % 10)) % 10;
  return `${body}${wrongKey ? (key + 1) % 10 : key}`;
}

test('a new person registers an ESS structure, invites a colleague, posts a space need and proposes a property', async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36).slice(-6);
  const founder = `fondatrice.${run}@exemple.org`;
  const colleague = `collegue.${run}@exemple.org`;
  const name = `Atelier solidaire des Costières ${run}`;
  const needTitle = `Un atelier de plain-pied à Nîmes (${run})`;

  // 1. A new address signs in by magic link: the account has no space yet.
  await signInByEmail(page, founder);
  await expect(page.getByText('Votre compte n’est rattaché à aucune structure')).toBeVisible();
  await page.getByRole('link', { name: 'Inscrire une nouvelle structure de l’ESS' }).click();
  await expect(page).toHaveURL(/\/structures\/nouvelle$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscrire une structure de l’ESS');
  await expectAccessible(page);

  // 2. A SIRET with a wrong key: refused next to the field, nothing is created.
  const siretInput = page.getByLabel('SIRET');
  await page.getByLabel('Nom de la structure').fill(name);
  await page.getByLabel('Forme juridique').selectOption({ label: 'Association loi 1901' });
  await siretInput.fill(siret(run, true));
  await page.getByLabel('Adresse du siège').fill('4 rue de la République, 30900 Nîmes');
  await expect(page.getByLabel('Commune')).toHaveValue('30189');
  await page.getByRole('radio', { name: 'Association reconnue d’utilité publique' }).check();
  await page.getByRole('button', { name: 'Inscrire la structure' }).click();
  await expect(page.getByRole('alert')).toHaveText('La structure n’a pas été enregistrée : corrigez les champs signalés.');
  await expect(page).toHaveURL(/\/structures\/nouvelle$/);
  const siretMessage = 'SIRET : la clé de contrôle ne correspond pas, vérifiez le numéro.';
  await expect(siretInput).toHaveAttribute('aria-invalid', 'true');
  await expect(siretInput).toHaveAccessibleDescription(new RegExp(`${escape(siretMessage)}$`));
  await expect(siretInput.locator('xpath=following-sibling::p[1]')).toHaveText(siretMessage);
  await expect(page.getByLabel('Nom de la structure')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  const elsewhere = await page.context().newPage();
  await elsewhere.goto('/compte');
  await expect(elsewhere.getByText('Votre compte n’est rattaché à aucune structure')).toBeVisible();
  await elsewhere.close();

  // 3. With the right key, the structure is created and its space opens.
  await siretInput.fill(siret(run));
  await expect(page.getByRole('radio', { name: 'Association reconnue d’utilité publique' })).toBeChecked();
  await page.getByRole('button', { name: 'Inscrire la structure' }).click();
  await expect(page).toHaveURL(/\/espace\/structure\/[^/]+$/);
  const spacePath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText(`Nîmes · SIRET ${siret(run)}`)).toBeVisible();
  await expect(page.getByText('Aucun besoin pour le moment.')).toBeVisible();
  // The declared eligibility waits for the Mission ESS.
  await expect(page.getByRole('region', { name: 'Mécénat de compétences' })).toContainText('En attente de vérification');
  await expectAccessible(page);

  // 4. A colleague is invited: the invitation is in the outbox.
  await page.getByLabel('Inviter un ou une collègue').fill(colleague);
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`${colleague} fait désormais partie de l’équipe et a reçu une invitation par e-mail.`);
  const invitation = await readEmail(page, new RegExp(`^Invitation à rejoindre ${escape(name)} sur Passerelles$`), colleague);
  expect(invitation).toContain('Connectez-vous avec cette adresse e-mail');
  expect(linkPath(invitation, '/connexion')).toBe('/connexion');
  await page.goto(spacePath);
  const team = page.getByRole('table', { name: 'Membres de l’équipe' });
  await expect(team.getByRole('row').filter({ hasText: colleague })).toHaveCount(1);
  await expect(team.getByRole('button', { name: `Retirer ${colleague} de l’équipe` })).toBeVisible();

  // 5. A space need: a first try with errors, each said next to its field; then published.
  await page.goto(spacePath);
  await page.getByRole('link', { name: 'Publier un besoin de lieu' }).click();
  await expect(page).toHaveURL(/\/publier\/besoin-lieu\?organisation=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publier un besoin de lieu');
  await expect(page.getByText(`Pour : ${name}`)).toBeVisible();
  await expectAccessible(page);
  const surface = page.getByLabel('Surface minimale (m²)');
  await page.getByLabel('Intitulé').fill(needTitle);
  await page.getByLabel('Description').fill('Notre atelier de réparation de petit électroménager cherche un local de plain-pied pour accueillir le public.');
  await surface.fill('beaucoup');
  await page.getByRole('checkbox', { name: 'Accès de plain-pied indispensable' }).check();
  await page.getByLabel('Usage prévu').fill('Atelier de réparation ouvert au public');
  await expect(page.getByLabel('Commune')).toHaveValue('30189');
  await page.getByLabel('Distance maximale (km)').fill('15');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('alert')).toHaveText('Rien n’a été publié : corrigez les champs signalés.');
  await expect(surface).toHaveAttribute('aria-invalid', 'true');
  await expect(surface.locator('xpath=following-sibling::p[1]')).toHaveText('Surface minimale : nombre attendu.');
  const types = page.getByRole('group', { name: 'Types de lieu recherchés' });
  await expect(types.getByText('Type de lieu : cochez-en au moins un.')).toBeVisible();
  await expect(types).toHaveAccessibleDescription('Type de lieu : cochez-en au moins un.');
  await expectAccessible(page);

  await surface.fill('50');
  await types.getByRole('checkbox', { name: 'Bâtiment' }).check();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page).toHaveURL(/\/besoins\/[^/]+\/suggestions$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Offres suggérées pour « ${needTitle} »`);

  // 6. The suggestions say why; the structure proposes the Nîmes offices.
  const suggestion = page.locator('ol.suggestions > li').filter({ has: page.getByRole('heading', { name: PROPERTY }) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByRole('listitem').filter({ hasText: 'dans la même commune (Nîmes)' })).toBeVisible();
  await expect(suggestion.getByRole('listitem').filter({ hasText: 'bâtiment de 95 m² (minimum demandé : 50 m²)' })).toBeVisible();
  await expect(suggestion.getByRole('listitem').filter({ hasText: 'accessible aux personnes à mobilité réduite' })).toBeVisible();
  await expectAccessible(page);
  await suggestion.getByRole('button', { name: `Proposer cette mise en relation : ${PROPERTY}` }).click();
  await expect(page).toHaveURL(/\/mises-en-relation\/[^/]+$/);
  const matchPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mise en relation — Lieu');
  await expect(page.getByText(`${needTitle} (${name})`)).toBeVisible();
  await expect(page.getByText('Proposée par le porteur du besoin, en attente de réponse')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accepter la mise en relation' })).toHaveCount(0);
  await expectAccessible(page);

  // 7. The list of matches shows it waiting for the property service, which was told by e-mail.
  await page.goto('/mises-en-relation');
  await expect(page.getByRole('status')).toHaveText('1 mise en relation');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: needTitle }) });
  await expect(row.getByRole('cell', { name: PROPERTY })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Proposée par le porteur du besoin, en attente de réponse' })).toBeVisible();
  await expect(row.getByRole('link', { name: needTitle })).toHaveAttribute('href', matchPath);
  const proposed = await readEmail(page, new RegExp(`^${escape(name)} vous propose une mise en relation$`), PROPERTY_SERVICE);
  expect(linkPath(proposed, '/mises-en-relation/')).toBe(matchPath);

  // 8. The invited colleague signs in with their address and finds the structure's space.
  await page.goto(spacePath);
  await signOut(page);
  await signInByEmail(page, colleague);
  await page.getByRole('link', { name: `Espace de la structure ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`${spacePath}$`));
  await expect(page.getByRole('table', { name: /Besoins de la structure/ }).getByRole('link', { name: needTitle })).toBeVisible();
  await signOut(page);

  // 9. The Mission ESS confirms the declared eligibility: the structure leaves the list to verify.
  await signInAs(page, ADMIN);
  await page.getByRole('link', { name: 'Administration de la Mission ESS' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const toVerify = page.getByRole('table', { name: 'Structures ayant déclaré une éligibilité au mécénat de compétences' });
  const structureRow = toVerify.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(structureRow.getByRole('cell', { name: 'association reconnue d’utilité publique' })).toBeVisible();
  await expect(structureRow.getByRole('cell', { name: 'Nîmes', exact: true })).toBeVisible();
  await expectAccessible(page);
  await structureRow.getByRole('button', { name: `Confirmer l’éligibilité de ${name}` }).click();
  await expect(page.getByRole('status')).toHaveText('Éligibilité confirmée.');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
});
