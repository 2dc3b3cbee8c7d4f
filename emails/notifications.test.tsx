import { describe, expect, it } from 'vitest';
import { AppError } from '../app/.server/errors';
import { renderEmail, templates, type TemplateName, type TemplateProps } from './index';

// & must come out escaped in attributes and intact in the plain text.
const url = 'https://passerelles.gard.fr/conventions/42?etape=signature&jeton=aZ_09-xY';
const href = (link: string) => `href="${link.replaceAll('&', '&amp;')}"`;
/** The button plus the visible fallback link. */
const expectButtonAndFallback = (html: string, link: string) => expect(html.split(href(link))).toHaveLength(3);

const proposed: TemplateProps<'match-proposed'> = {
  recipientName: 'Camille Martin',
  proposerOrganisation: 'Association Les Jardins du Vidourle',
  kind: 'STAGE',
  needTitle: 'Stage de 3e pour une élève de Sommières',
  offerTitle: 'Découvrir le maraîchage biologique',
  explanation: ['centres d’intérêt proches : jardin, nature', 'à 12 km (Sommières)', 'disponible la semaine du 1er mars 2027'],
  url,
};

const accepted: TemplateProps<'match-accepted'> = {
  recipientName: 'Camille Martin',
  kind: 'LIEU',
  needTitle: 'Local pour une recyclerie',
  offerTitle: 'Ancien centre technique de Bagnols-sur-Cèze',
  url,
  conventionCount: 1,
};

const toSign: TemplateProps<'convention-to-sign'> = {
  signatoryName: 'Nadia Benali',
  roleLabel: 'représentant·e légal·e de l’élève',
  conventionTitle: 'Stage d’observation de Léa B. aux Jardins du Vidourle',
  reference: 'PAS-STA-2027-0042',
  version: 1,
  url,
  expiresOn: '1er décembre 2026',
};

const signed: TemplateProps<'convention-signed'> = {
  recipientName: 'Camille Martin',
  conventionTitle: 'Occupation temporaire de l’ancien centre technique',
  reference: 'PAS-LIE-2026-0007',
  url,
  verifyUrl: 'https://passerelles.gard.fr/verifier',
  verificationCode: 'K7QF-29XD',
};

const cancelled: TemplateProps<'convention-cancelled'> = {
  recipientName: 'Camille Martin',
  conventionTitle: 'Mise à disposition de compétences en comptabilité',
  reference: 'PAS-COM-2026-0013',
  reason: 'La structure a renoncé au projet.\nUne nouvelle demande pourra être déposée au printemps.',
  cancelledBy: 'la Mission ESS',
};

const ending: TemplateProps<'placement-ending'> = {
  conventionTitle: 'Occupation temporaire de l’ancien centre technique',
  reference: 'PAS-LIE-2026-0007',
  endsOn: '30 juin 2027',
  url,
};

const survey: TemplateProps<'satisfaction-survey'> = {
  recipientName: 'Camille Martin',
  conventionTitle: 'Stage d’observation de Léa B. aux Jardins du Vidourle',
  reference: 'PAS-STA-2027-0042',
  url,
  editableDays: 30,
};

async function expectRefused<Name extends TemplateName>(name: Name, props: unknown, field: string, words?: string) {
  const rendering = renderEmail(name, props as TemplateProps<Name>);
  await expect(rendering).rejects.toBeInstanceOf(AppError);
  await expect(rendering).rejects.toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining(`Données invalides pour l’e-mail « ${name} » : ${field} : ${words ?? ''}`),
  });
}

describe('match-proposed email', () => {
  it('names the proposer, the kind, both titles and every reason, with the link to answer', async () => {
    const email = await renderEmail('match-proposed', proposed);

    expect(email.subject).toBe('Association Les Jardins du Vidourle vous propose une mise en relation');
    expectButtonAndFallback(email.html, url);
    expect(email.text).toContain(url);
    for (const fact of [
      'Bonjour Camille Martin,',
      'Association Les Jardins du Vidourle propose une mise en relation sur Passerelles',
      'Type : stage d’observation de 3e',
      'Besoin : « Stage de 3e pour une élève de Sommières »',
      'Offre : « Découvrir le maraîchage biologique »',
      'Rien n’est engagé tant que les deux parties n’ont pas accepté.',
      'Vous recevez ce message parce que vous suivez, sur Passerelles, le besoin ou l’offre concerné',
      // CRPA L311-3-1: the reasons come from an algorithm whose rules are public and can be asked for.
      'https://passerelles.gard.fr/transparence',
      'article L311-3-1',
    ]) {
      expect(email.text).toContain(fact);
    }
    // One list item per reason, each on its own line of the text version.
    for (const reason of proposed.explanation) {
      expect(email.html).toContain(`>${reason}</li>`);
      expect(email.text.split('\n')).toContain(` * ${reason}`);
    }
  });

  it.each([
    ['COMPETENCE', 'mise à disposition de compétences'],
    ['LIEU', 'occupation temporaire d’un lieu'],
  ] as const)('writes the kind %s in French', async (kind, label) => {
    const email = await renderEmail('match-proposed', { ...proposed, kind });
    expect(email.text).toContain(`Type : ${label}`);
  });

  it('greets without a name when there is none', async () => {
    const email = await renderEmail('match-proposed', { ...proposed, recipientName: undefined });
    expect(email.text).toMatch(/^Bonjour,$/m);
  });

  it('keeps the subject on one line whatever the organisation name contains', async () => {
    const email = await renderEmail('match-proposed', { ...proposed, proposerOrganisation: '  Les Jardins\r\n du Vidourle ' });
    expect(email.subject).toBe('Les Jardins du Vidourle vous propose une mise en relation');
  });

  it.each([
    ['an empty list of reasons', { ...proposed, explanation: [] }, 'explanation', 'Trop petit'],
    ['more than six reasons', { ...proposed, explanation: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'explanation', 'Trop grand'],
    ['a blank reason', { ...proposed, explanation: ['proche', '   '] }, 'explanation.1', 'Trop petit'],
    ['a non-web URL', { ...proposed, url: 'javascript:alert(1)' }, 'url', 'URL invalide'],
    ['an unknown kind', { ...proposed, kind: 'MECENAT' }, 'kind', 'Option invalide'],
    ['a blank organisation', { ...proposed, proposerOrganisation: ' ' }, 'proposerOrganisation', 'Trop petit'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('match-proposed', props, field, words);
  });
});

describe('match-accepted email', () => {
  it('announces the accepted match and links to the convention', async () => {
    const email = await renderEmail('match-accepted', accepted);

    expect(email.subject).toBe('Mise en relation acceptée : occupation temporaire d’un lieu');
    expectButtonAndFallback(email.html, url);
    expect(email.text).toContain(url);
    for (const fact of [
      'Les deux parties ont accepté la mise en relation suivante',
      'Besoin : « Local pour une recyclerie »',
      'Offre : « Ancien centre technique de Bagnols-sur-Cèze »',
      'Prochaine étape : la convention.',
      'Voir la convention',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.text).not.toContain('une par élève');
  });

  it('counts one convention per pupil for a group', async () => {
    const email = await renderEmail('match-accepted', { ...accepted, kind: 'STAGE', conventionCount: 4 });
    expect(email.subject).toBe('Mise en relation acceptée : stage d’observation de 3e');
    expect(email.text).toContain('4 conventions sont établies, une par élève.');
    expect(email.text).toContain('Voir les conventions');
  });

  it.each([
    ['no convention', { ...accepted, conventionCount: 0 }, 'conventionCount', 'Trop petit'],
    ['a fractional count', { ...accepted, kind: 'STAGE', conventionCount: 1.5 }, 'conventionCount', 'Entrée invalide'],
    ['several conventions outside a group of pupils', { ...accepted, conventionCount: 2 }, 'conventionCount', 'plusieurs'],
    ['a relative URL', { ...accepted, url: '/conventions/42' }, 'url', 'URL invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('match-accepted', props, field, words);
  });
});

describe('convention-to-sign email', () => {
  it('asks the signatory to sign, with the reference, the version, the rules of the link and of the signature', async () => {
    const email = await renderEmail('convention-to-sign', toSign);

    expect(email.subject).toBe(
      'Convention à signer : Stage d’observation de Léa B. aux Jardins du Vidourle (réf. PAS-STA-2027-0042)',
    );
    expectButtonAndFallback(email.html, url);
    expect(email.text).toContain(url);
    for (const fact of [
      'Bonjour Nadia Benali,',
      'Vous êtes invité·e à signer la convention « Stage d’observation de Léa B. aux Jardins du Vidourle » en tant que représentant·e légal·e de l’élève.',
      'Référence : PAS-STA-2027-0042',
      'Version : 1',
      'vous saisissez votre nom complet et cochez la case de consentement',
      'signature électronique simple',
      'Ce lien vous est personnel',
      'Il ne sert qu’une seule fois et reste valable jusqu’au 1er décembre 2026.',
      'S’il a expiré, vous pourrez en demander un nouveau',
      'Vous recevez ce message parce que vous êtes signataire de cette convention, en tant que représentant·e légal·e de l’élève.',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.text).not.toContain('modifiée');
  });

  it('explains why a new version must be signed', async () => {
    const reason =
      'La convention a été modifiée après une première signature : les horaires ont changé. Merci de signer la nouvelle version.';
    const email = await renderEmail('convention-to-sign', { ...toSign, version: 2, reason });
    expect(email.text).toContain(reason);
    expect(email.text).toContain('Version : 2');
  });

  it('writes the first of the month as an ordinal', async () => {
    const email = await renderEmail('convention-to-sign', { ...toSign, expiresOn: '1 mars 2027' });
    expect(email.text).toContain('valable jusqu’au 1er mars 2027.');
  });

  it.each([
    ['version 0', { ...toSign, version: 0 }, 'version', 'Trop petit'],
    ['a fractional version', { ...toSign, version: 1.5 }, 'version', 'Entrée invalide'],
    ['a non-web URL', { ...toSign, url: 'ftp://passerelles.gard.fr/signer' }, 'url', 'URL invalide'],
    ['an ISO date', { ...toSign, expiresOn: '2026-12-01' }, 'expiresOn', 'date attendue en toutes lettres'],
    ['a day that does not exist', { ...toSign, expiresOn: '32 décembre 2026' }, 'expiresOn', 'date attendue'],
    ['a blank name', { ...toSign, signatoryName: '' }, 'signatoryName', 'Trop petit'],
    ['a missing reference', { ...toSign, reference: undefined }, 'reference', 'Entrée invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('convention-to-sign', props, field, words);
  });
});

describe('convention-reminder email', () => {
  it('says how long the convention has been waiting, and repeats the rules', async () => {
    const email = await renderEmail('convention-reminder', { ...toSign, daysWaiting: 3 });

    expect(email.subject).toBe(
      'Rappel : la convention « Stage d’observation de Léa B. aux Jardins du Vidourle » attend votre signature depuis 3 jours',
    );
    expectButtonAndFallback(email.html, url);
    expect(email.text).toContain(url);
    for (const fact of [
      'La convention « Stage d’observation de Léa B. aux Jardins du Vidourle » attend votre signature depuis 3 jours.',
      'Vous êtes appelé·e à la signer en tant que représentant·e légal·e de l’élève.',
      'Référence : PAS-STA-2027-0042',
      'reste valable jusqu’au 1er décembre 2026',
      'signature électronique simple',
      'Vous recevez ce rappel parce que vous êtes signataire de cette convention',
    ]) {
      expect(email.text).toContain(fact);
    }
  });

  it('writes 7 days in the subject of the second reminder', async () => {
    const email = await renderEmail('convention-reminder', { ...toSign, daysWaiting: 7 });
    expect(email.subject).toMatch(/depuis 7 jours$/);
  });

  it.each([
    ['no waiting time', { ...toSign }, 'daysWaiting', 'Entrée invalide'],
    ['zero days', { ...toSign, daysWaiting: 0 }, 'daysWaiting', 'Trop petit'],
    ['version 0', { ...toSign, daysWaiting: 3, version: 0 }, 'version', 'Trop petit'],
    ['a non-web URL', { ...toSign, daysWaiting: 3, url: 'mailto:a@b.fr' }, 'url', 'URL invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('convention-reminder', props, field, words);
  });
});

describe('convention-signed email', () => {
  it('links to the signed document and tells how to check it', async () => {
    const email = await renderEmail('convention-signed', signed);

    expect(email.subject).toBe('Convention signée : Occupation temporaire de l’ancien centre technique (réf. PAS-LIE-2026-0007)');
    expectButtonAndFallback(email.html, url);
    expect(email.html).toContain(href(signed.verifyUrl));
    for (const fact of [
      url,
      'Toutes les parties ont signé la convention « Occupation temporaire de l’ancien centre technique ».',
      'Référence : PAS-LIE-2026-0007',
      'Télécharger la convention signée',
      'Il vous sera demandé de vous connecter.',
      'ouvrez la page https://passerelles.gard.fr/verifier et saisissez le code de vérification K7QF-29XD.',
    ]) {
      expect(email.text).toContain(fact);
    }
  });

  it.each([
    ['a non-web verification URL', { ...signed, verifyUrl: 'data:text/html,x' }, 'verifyUrl', 'URL invalide'],
    ['no verification code', { ...signed, verificationCode: ' ' }, 'verificationCode', 'Trop petit'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('convention-signed', props, field, words);
  });
});

describe('convention-cancelled email', () => {
  it('says who cancelled and why, keeping the lines of the reason', async () => {
    const email = await renderEmail('convention-cancelled', cancelled);

    expect(email.subject).toBe('Convention annulée : Mise à disposition de compétences en comptabilité (réf. PAS-COM-2026-0013)');
    expect(email.html).toContain('La structure a renoncé au projet.<br/>Une nouvelle demande');
    for (const fact of [
      'La convention « Mise à disposition de compétences en comptabilité » a été annulée par la Mission ESS.',
      'Référence : PAS-COM-2026-0013',
      'Motif indiqué :',
      'La structure a renoncé au projet.\nUne nouvelle demande pourra être déposée au printemps.',
      'adressez-vous à la Mission ESS.',
    ]) {
      expect(email.text).toContain(fact);
    }
  });

  it('escapes what the person typed', async () => {
    const email = await renderEmail('convention-cancelled', { ...cancelled, reason: '<a href="https://x.example">ici</a>' });
    expect(email.html).not.toContain('<a href="https://x.example">');
    expect(email.text).toContain('<a href="https://x.example">ici</a>');
  });

  it.each([
    ['no reason', { ...cancelled, reason: '  ' }, 'reason', 'Trop petit'],
    ['no author', { ...cancelled, cancelledBy: undefined }, 'cancelledBy', 'Entrée invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('convention-cancelled', props, field, words);
  });
});

describe('placement-ending email', () => {
  it('gives the end date and links to the convention', async () => {
    const email = await renderEmail('placement-ending', ending);

    expect(email.subject).toBe('Fin prochaine : Occupation temporaire de l’ancien centre technique se termine le 30 juin 2027');
    expectButtonAndFallback(email.html, url);
    for (const fact of [
      url,
      'Bonjour,',
      'La convention « Occupation temporaire de l’ancien centre technique » prend fin le 30 juin 2027.',
      'Référence : PAS-LIE-2026-0007',
      'Date de fin : 30 juin 2027',
      'Voir la convention',
    ]) {
      expect(email.text).toContain(fact);
    }
  });

  it.each([
    ['a date in figures', { ...ending, endsOn: '30/06/2027' }, 'endsOn', 'date attendue'],
    ['a non-web URL', { ...ending, url: 'file:///etc/passwd' }, 'url', 'URL invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('placement-ending', props, field, words);
  });
});

describe('satisfaction-survey email', () => {
  it('asks for a score and a comment, says how long the answer can change and what it is used for', async () => {
    const email = await renderEmail('satisfaction-survey', survey);

    expect(email.subject).toBe('Votre avis sur la convention « Stage d’observation de Léa B. aux Jardins du Vidourle »');
    expectButtonAndFallback(email.html, url);
    for (const fact of [
      url,
      'La convention « Stage d’observation de Léa B. aux Jardins du Vidourle » est arrivée à son terme.',
      'Référence : PAS-STA-2027-0042',
      'une note de 1 à 5 et d’ajouter un commentaire',
      'Ce lien vous est personnel',
      'Vous pourrez modifier votre réponse pendant 30 jours.',
      'de façon anonyme',
      '(action 4.4)',
    ]) {
      expect(email.text).toContain(fact);
    }
  });

  it('writes a single day in the singular', async () => {
    const email = await renderEmail('satisfaction-survey', { ...survey, editableDays: 1 });
    expect(email.text).toContain('pendant 1 jour.');
  });

  it.each([
    ['zero days', { ...survey, editableDays: 0 }, 'editableDays', 'Trop petit'],
    ['a non-web URL', { ...survey, url: 'pas une adresse' }, 'url', 'URL invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('satisfaction-survey', props, field, words);
  });
});

const approvalRequest = {
  managerName: 'Paul Chef',
  agentName: 'Marc Chabert',
  offerTitle: 'Tenue de la comptabilité associative',
  skills: ['comptabilité', 'trésorerie'],
  hoursPerMonth: 8,
  url: `${url}/accord/jeton`,
  expiresOn: '12 décembre 2026',
};
const decision = {
  agentName: 'Marc Chabert',
  managerName: 'Paul Chef',
  offerTitle: 'Tenue de la comptabilité associative',
  approved: true,
  url: `${url}/espace/agent`,
};

describe('manager-approval-request email', () => {
  it('asks the line manager for their agreement, with the offer and the personal link', async () => {
    const email = await renderEmail('manager-approval-request', approvalRequest);
    expect(email.subject).toBe('Votre accord est demandé : mécénat de compétences de Marc Chabert');
    for (const fact of ['Bonjour Paul Chef,', 'Tenue de la comptabilité associative', 'comptabilité, trésorerie', '8 heures par mois', '12 décembre 2026', `${url}/accord/jeton`]) {
      expect(email.text).toContain(fact);
    }
    expectButtonAndFallback(email.html, `${url}/accord/jeton`);
  });

  it('rejects an offer without skills', async () => {
    await expectRefused('manager-approval-request', { ...approvalRequest, skills: [] }, 'skills', 'Trop petit');
  });
});

describe('manager-decision email', () => {
  it('tells the agent their offer is published, or why it is not', async () => {
    const approved = await renderEmail('manager-decision', decision);
    expect(approved.subject).toBe('Accord donné : « Tenue de la comptabilité associative » est publiée');
    expect(approved.text).toContain('Paul Chef a donné son accord');
    const refused = await renderEmail('manager-decision', { ...decision, approved: false, reason: 'Période de clôture budgétaire' });
    expect(refused.subject).toBe('Accord refusé : « Tenue de la comptabilité associative »');
    expect(refused.text).toContain('Période de clôture budgétaire');
  });

  it('requires the reason of a refusal', async () => {
    await expectRefused('manager-decision', { ...decision, approved: false }, 'reason', 'motif requis');
  });
});

const withdrawn = { recipientName: 'Lucie Arnaud', title: 'Refaire notre site web', reason: 'Offre commerciale déguisée', url: `${url}/espace/structure/x` };

describe('publication-withdrawn email', () => {
  it('gives the reason of the withdrawal and the way back', async () => {
    const email = await renderEmail('publication-withdrawn', withdrawn);
    expect(email.subject).toBe('Publication retirée : « Refaire notre site web »');
    expect(email.text).toContain('Offre commerciale déguisée');
    expectButtonAndFallback(email.html, withdrawn.url);
  });
});

const matchCancelledSample: TemplateProps<'match-cancelled'> = {
  recipientName: 'Camille Martin',
  kind: 'COMPETENCE',
  needTitle: 'Tenir la comptabilité de l’association',
  offerTitle: 'Comptabilité associative',
  reason: 'L’agent change de service.\nUne autre offre vous sera proposée.',
  cancelledConventions: ['PAS-COM-2026-0013'],
  url,
};

const callResult: TemplateProps<'occupation-call-result'> = {
  recipientName: 'Samir Haddad',
  chosen: true,
  propertyTitle: 'Ancien centre technique de Nîmes',
  applicationTitle: 'Atelier et boutique de la recyclerie',
  decidingBody: 'Commission permanente du Conseil départemental',
  decidedOn: '2 décembre 2026',
  reference: 'CP-2026-12-017',
  url,
};

describe('occupation-call-result email', () => {
  it('tells the chosen applicant and the others, quoting the deliberation', async () => {
    const chosen = await renderEmail('occupation-call-result', callResult);
    expect(chosen.text).toContain('CP-2026-12-017');
    expect(chosen.text).toContain('Ancien centre technique de Nîmes');
    const other = await renderEmail('occupation-call-result', { ...callResult, chosen: false });
    expect(other.subject).not.toBe(chosen.subject);
  });
});

describe('match-cancelled email', () => {
  it('gives the reason, line by line, names the conventions cancelled with it and links to the match', async () => {
    const email = await renderEmail('match-cancelled', matchCancelledSample);
    expect(email.subject).toBe('Mise en relation annulée : « Tenir la comptabilité de l’association »');
    expect(email.text).toContain('L’agent change de service.');
    expect(email.html).toContain('L’agent change de service.<br/>Une autre offre');
    expect(email.text).toContain('La convention qui n’était pas encore signée est annulée aussi (réf. PAS-COM-2026-0013)');
    expectButtonAndFallback(email.html, url);
  });

  it('says nothing of conventions when there were none, and the plural when several', async () => {
    const none = await renderEmail('match-cancelled', { ...matchCancelledSample, cancelledConventions: [] });
    expect(none.text).not.toContain('annulée aussi');
    const two = await renderEmail('match-cancelled', { ...matchCancelledSample, cancelledConventions: ['PAS-STA-2027-0001', 'PAS-STA-2027-0002'] });
    expect(two.text).toContain('Les conventions qui n’étaient pas encore signées sont annulées aussi (réf. PAS-STA-2027-0001, PAS-STA-2027-0002)');
  });

  it('refuses an empty reason', async () => {
    await expectRefused('match-cancelled', { ...matchCancelledSample, reason: '  ' }, 'reason');
  });
});

const invited = { inviterName: 'Lucie Arnaud', organisationName: 'Les Jardins Partagés', url: `${url}/connexion` };

describe('invitation email', () => {
  it('names who invites and to which structure, and links to the sign-in page', async () => {
    const email = await renderEmail('invitation', invited);
    expect(email.subject).toBe('Invitation à rejoindre Les Jardins Partagés sur Passerelles');
    expect(email.text).toContain('Lucie Arnaud vous a ajouté·e à l’équipe de Les Jardins Partagés');
    expectButtonAndFallback(email.html, invited.url);
  });
});

const eligibility: TemplateProps<'eligibility-decision'> = {
  recipientName: 'Lucie Arnaud',
  organisationName: 'Les Jardins Partagés',
  declared: 'ARUP',
  confirmed: true,
  url,
};

describe('eligibility-decision email', () => {
  it('tells the members that the Mission ESS confirmed what was declared, and what it opens', async () => {
    const email = await renderEmail('eligibility-decision', eligibility);
    expect(email.subject).toBe('Éligibilité confirmée : Les Jardins Partagés peut accueillir des agents du Département');
    for (const fact of [
      'Bonjour Lucie Arnaud,',
      'La Mission ESS du Département a vérifié l’éligibilité de Les Jardins Partagés à la mise à disposition d’agents du Département (mécénat de compétences).',
      'Éligibilité déclarée : association reconnue d’utilité publique',
      'Vos besoins de compétences peuvent désormais recevoir des propositions d’agents du Département',
      'Vous recevez ce message parce que vous êtes membre de l’équipe de Les Jardins Partagés sur Passerelles.',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.text).not.toContain('Motif');
    expectButtonAndFallback(email.html, url);
  });

  it('gives the reason of a refusal and what the structure can still do', async () => {
    const email = await renderEmail('eligibility-decision', {
      ...eligibility,
      declared: 'INTERET_GENERAL',
      confirmed: false,
      reason: 'Le rescrit fiscal fourni concerne une autre association.',
    });
    expect(email.subject).toBe('Éligibilité non retenue : Les Jardins Partagés');
    for (const fact of [
      'n’a pas retenu l’éligibilité déclarée par Les Jardins Partagés',
      'Éligibilité déclarée : organisme d’intérêt général au sens de l’article 238 bis, 1, a du code général des impôts',
      'Motif :',
      'Le rescrit fiscal fourni concerne une autre association.',
      'les compétences des agents ne lui seront pas proposées',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.text).not.toContain('peuvent désormais');
  });

  it('escapes the reason and greets without a name when there is none', async () => {
    const email = await renderEmail('eligibility-decision', { ...eligibility, recipientName: undefined, confirmed: false, reason: '<b>statuts</b> absents' });
    expect(email.html).not.toContain('<b>statuts</b>');
    expect(email.text).toContain('<b>statuts</b> absents');
    expect(email.text).toMatch(/^Bonjour,$/m);
  });

  it.each([
    ['a refusal without a reason', { ...eligibility, confirmed: false }, 'reason', 'motif requis'],
    ['a refusal with a blank reason', { ...eligibility, confirmed: false, reason: '   ' }, 'reason', 'Trop petit'],
    ['"none" as the declaration', { ...eligibility, declared: 'NONE' }, 'declared', 'Option invalide'],
    ['a non-web URL', { ...eligibility, url: 'javascript:alert(1)' }, 'url', 'URL invalide'],
  ])('rejects %s', async (_case, props, field, words) => {
    await expectRefused('eligibility-decision', props, field, words);
  });
});

describe('every email', () => {
  const samples: { [Name in TemplateName]: TemplateProps<Name> } = {
    'magic-link': { url, expiresInMinutes: 15 },
    'match-proposed': proposed,
    'match-accepted': accepted,
    'match-cancelled': matchCancelledSample,
    'occupation-call-result': callResult,
    'eligibility-decision': eligibility,
    'convention-to-sign': toSign,
    'convention-reminder': { ...toSign, daysWaiting: 3 },
    'convention-signed': signed,
    'convention-cancelled': cancelled,
    'placement-ending': ending,
    'satisfaction-survey': survey,
    'manager-approval-request': approvalRequest,
    'manager-decision': decision,
    'publication-withdrawn': withdrawn,
    invitation: invited,
  };

  it.each(Object.keys(templates) as TemplateName[])('%s is in French, framed, and says why it was sent', async (name) => {
    const email = await renderEmail(name, samples[name]);
    expect(email.html).toContain('lang="fr"');
    expect(email.text).toContain('Passerelles — Département du Gard');
    expect(email.text).toMatch(/Vous recevez ce (message|rappel) parce qu/);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
