/**
 * Past activity of the demo, so that every indicator of the plan's dashboard has something to show: matches with
 * their history, conventions of the three kinds (signed, in progress, completed, two amendments), their signatories
 * and online signatures, satisfaction answers, agents' grades, a tiers-lieu and a few communes in FRR.
 *
 * Every event (publication, match, signature, survey answer) is placed before `today`; only the terms of the
 * conventions still running (their end, and the start of the signed rooftop occupation) reach beyond it. The
 * activity uses needs, offers and places of its own (archived once served, but for one land vacant again), the
 * agents' standing offers and pupils of two collèges (Les Terrasses, Mont Aigoual). Seeded conventions have no PDF
 * (no version, no final PDF) and no e-mail is written.
 *
 * Left untouched for the journeys (tests/e2e):
 * - needs « Mettre de l’ordre dans notre comptabilité », « Faire connaître nos permanences », « Des toitures pour
 *   notre prochaine centrale citoyenne », « Une salle de répétition », « Un pôle réemploi pour les Cévennes »,
 *   and every stage need of the demo;
 * - offers « Tenue de la comptabilité associative et plan de trésorerie » (Marie Chabert), « Toiture du gymnase d'un
 *   collège », « Bureaux vacants au deuxième étage », « Découvrir le réemploi à la recyclerie » and every internship
 *   offer of the demo (their seats, e.g. the week of 2027-01-11, stay free); Hugo Ferrand's offers;
 * - the pupils of the Collège Les Garrigues; the verification status of Le Relais des Aidants;
 * - the word « permanences », which the Mission ESS journey searches for among the needs.
 */
import { randomTokens, sha256 } from '../../app/.server/clock';
import { conventionIdentity } from '../../app/.server/conventions/codes';
import { conventionPeriod, defaultTerms } from '../../app/.server/conventions/default-terms';
import { matchPartiesInclude, type MatchWithParties } from '../../app/.server/conventions/records';
import { plannedSignatories } from '../../app/.server/conventions/signatories';
import { templatesInForce } from '../../app/.server/conventions/template-files';
import {
  MatchKind,
  MatchStatus,
  PlacementMode,
  PropertyType,
  PublicationStatus,
  type ConventionStatus,
  type Pupil,
  type SignatoryRole,
  type User,
} from '../../app/.server/db/generated/client';
import { conventionTermsSchema, missingForSignature, type ConventionTerms } from '../../matching/conventions/terms';
import {
  createInternshipNeed,
  createInternshipOffer,
  createPropertyOffer,
  createSkillNeed,
  createSpaceNeed,
  type BuilderContext,
  type Db,
} from './builders';
import { addDays, mondayOnOrAfter } from './dates';
import { AGENTS } from './demo-agents';
import { C, COLLEGES, DEMO_ADMIN_EMAIL, DEMO_PROPERTY_MAILBOX, STRUCTURES, collegeEmail, councilEmail, structureEmail } from './demo-people';

/** Grade (cadre d'emplois) of each demo agent, by last name: the yearly report of the experiment counts them. */
const GRADES: Record<string, string> = {
  Chabert: 'Rédacteur principal de 1re classe',
  Delmas: 'Technicien principal de 2e classe',
  Pascal: 'Rédacteur territorial',
  Favier: 'Attaché territorial',
  Mercier: 'Attaché principal',
  Bousquet: 'Rédacteur principal de 2e classe',
  'El Amrani': 'Assistant socio-éducatif',
  Castanier: 'Agent de maîtrise principal',
  Pellet: 'Adjoint technique principal de 1re classe',
  Rouvière: 'Attaché territorial',
  Roux: 'Attaché hors classe',
  Girard: 'Attaché territorial',
  Bertrand: 'Ingénieur territorial',
  Soulier: 'Technicien territorial',
  Deleuze: 'Conseiller socio-éducatif',
  Arnaud: 'Technicien principal de 1re classe',
  Masson: 'Attaché territorial',
  Olivier: 'Technicien territorial',
  Roussel: 'Adjoint administratif principal de 2e classe',
  Peyre: 'Ingénieur principal',
  Benhamou: 'Rédacteur principal de 1re classe',
  Lacombe: 'Attaché principal',
  Fournier: 'Adjoint administratif principal de 1re classe',
  Jourdan: 'Rédacteur principal de 2e classe',
  Chapon: 'Agent de maîtrise',
  Ferrand: 'Technicien territorial',
  Reboul: 'Rédacteur territorial',
};

/**
 * Demo only: the real list comes from `npm run zones -- frr` (the DGCL's France Ruralités Revitalisation file). These
 * communes of the demo's Cévennes and Uzège are flagged so that the share of rural placements has something to show.
 */
const DEMO_FRR_COMMUNES = [C.leVigan, C.saintJeanDuGard, C.lussan];

interface Context {
  tx: Db;
  admin: User;
  templates: Awaited<ReturnType<typeof templatesInForce>>;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** A moment of a day: demo events happen during office hours. */
const at = (day: Date, hour: number) => new Date(day.getTime() + hour * 3_600_000);

function lookup<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Donnée de démonstration introuvable : ${what}`);
  return value;
}

async function userByEmail(tx: Db, email: string): Promise<User> {
  return lookup(await tx.user.findUnique({ where: { email } }), email);
}

async function organisationId(tx: Db, name: string): Promise<string> {
  return lookup(await tx.organisation.findFirst({ where: { name }, select: { id: true } }), name).id;
}

function structure(slug: string) {
  return lookup(
    STRUCTURES.find((candidate) => candidate.slug === slug),
    slug,
  );
}

function agentEmail(lastName: string): string {
  return councilEmail(lookup(AGENTS.find((agent) => agent.lastName === lastName), lastName));
}

/** Publication and creation dated in the past, as if the record had been posted then. */
async function backdate(tx: Db, table: 'need' | 'offer', id: string, day: Date): Promise<void> {
  const data = { createdAt: day, updatedAt: day };
  if (table === 'need') await tx.need.update({ where: { id }, data });
  else await tx.offer.update({ where: { id }, data });
}

interface Step {
  to: MatchStatus;
  at: Date;
  actorId: string;
  reason?: string;
}

/** A match created as a suggestion, then moved through `steps`, each recorded in its history. */
async function match(c: Context, input: { kind: MatchKind; needId: string; offerId: string; created: Date; reasons: string[]; steps: Step[] }): Promise<MatchWithParties> {
  const last = lookup(input.steps.at(-1), 'étapes de la mise en relation');
  const created = await c.tx.match.create({
    data: {
      kind: input.kind,
      needId: input.needId,
      offerId: input.offerId,
      score: 0.72,
      explanation: input.reasons,
      status: last.to,
      createdAt: input.created,
      updatedAt: last.at,
      history: {
        create: input.steps.map((step, index) => ({
          from: index === 0 ? MatchStatus.SUGGESTED : (input.steps[index - 1]?.to ?? MatchStatus.SUGGESTED),
          to: step.to,
          actorId: step.actorId,
          reason: step.reason ?? null,
          at: step.at,
        })),
      },
    },
    include: matchPartiesInclude,
  });
  return created;
}

interface ConventionInput {
  match: MatchWithParties;
  status: Extract<ConventionStatus, 'SIGNED' | 'IN_PROGRESS' | 'COMPLETED'>;
  /** Day the last party signed; the others signed in the days before. */
  signedOn: Date;
  /** Skills and occupations: the period. Stages take the week of the need. */
  start?: Date;
  end?: Date;
  pupil?: Pupil;
  terms?: Partial<ConventionTerms>;
  amends?: { id: string; number: number; summary: string };
  surveys?: Partial<Record<SignatoryRole, { score: number; comment?: string }>>;
}

let arrete = 0;

/** A convention drafted as the app drafts it, completed, signed online by every party, with its survey answers. */
async function convention(c: Context, input: ConventionInput): Promise<string> {
  const { match: m, pupil = null } = input;
  const drafted = defaultTerms(m, { today: input.start ?? input.signedOn, experimentEnd: input.end ?? input.signedOn, missionEss: c.admin, pupil });
  const completion: Partial<ConventionTerms> =
    drafted.kind === 'COMPETENCE'
      ? { arreteReference: `ARR-${input.signedOn.getUTCFullYear()}-${String(++arrete).padStart(4, '0')}`, arreteDate: iso(addDays(input.signedOn, -7)), subsidyAmount: '1200' }
      : drafted.kind === 'STAGE'
        ? { legalRep1Name: `Famille ${pupil?.lastName ?? ''}` }
        : {};
  const dates = input.start && input.end ? { start: iso(input.start), end: iso(input.end) } : {};
  const terms = conventionTermsSchema.parse({ ...drafted, ...completion, ...dates, ...input.terms });
  const missing = missingForSignature(terms, { rooftop: m.offer.property?.propertyType === PropertyType.ROOFTOP });
  if (missing.length) throw new Error(`Convention de démonstration incomplète (${m.need.title}) : ${missing.join(', ')}`);
  const period = lookup(conventionPeriod(terms), 'période de la convention');
  const template = c.templates.for(m.kind, m.offer.property?.propertyType === PropertyType.ROOFTOP);
  const createdAt = at(addDays(input.signedOn, -12), 10);
  const signedAt = at(input.signedOn, 16);
  const created = await c.tx.convention.create({
    data: {
      ...conventionIdentity(randomTokens, m.kind, createdAt),
      kind: m.kind,
      matchId: m.id,
      pupilId: pupil?.id ?? null,
      status: input.status,
      templateId: template.meta.id,
      templateVersion: template.meta.version,
      templateSha256: template.sourceSha256,
      terms,
      startDate: period.start,
      endDate: period.end,
      amendsId: input.amends?.id ?? null,
      amendmentNumber: input.amends?.number ?? null,
      amendmentSummary: input.amends?.summary ?? null,
      signedAt,
      createdById: c.admin.id,
      createdAt,
      updatedAt: signedAt,
    },
  });
  // Minimal evidence: no PDF was issued for the demo, so the signatures bear on the terms themselves.
  const documentSha256 = sha256(JSON.stringify(terms));
  const signatories = plannedSignatories({ match: m, pupil }, terms);
  for (const [index, planned] of signatories.entries()) {
    const signatory = await c.tx.signatory.create({
      data: { ...planned, conventionId: created.id, createdAt: at(addDays(input.signedOn, -11), 9) },
    });
    await c.tx.signature.create({
      data: {
        signatoryId: signatory.id,
        versionNumber: 1,
        method: 'ONLINE',
        typedName: planned.name,
        signedAt: new Date(signedAt.getTime() - (signatories.length - 1 - index) * 86_400_000),
        documentSha256,
      },
    });
    const survey = input.surveys?.[planned.role];
    if (survey) {
      const answered = at(addDays(period.end, 4), 11);
      await c.tx.surveyResponse.create({
        data: { conventionId: created.id, signatoryId: signatory.id, role: planned.role, score: survey.score, comment: survey.comment ?? null, createdAt: answered, updatedAt: answered },
      });
    }
  }
  return created.id;
}

export async function seedDemoActivity(tx: Db, today: Date, ctx: BuilderContext): Promise<void> {
  const c: Context = { tx, admin: await userByEmail(tx, DEMO_ADMIN_EMAIL), templates: await templatesInForce(tx) };
  const ago = (days: number) => addDays(today, -days);
  const admin = c.admin.id;

  await tx.commune.updateMany({ where: { code: { in: DEMO_FRR_COMMUNES } }, data: { frr: true, frrClassification: 'FRR' } });
  const profiles = await tx.agentProfile.findMany({ select: { userId: true, user: { select: { lastName: true } } } });
  for (const profile of profiles) {
    await tx.agentProfile.update({ where: { userId: profile.userId }, data: { grade: lookup(GRADES[profile.user.lastName ?? ''], `grade de ${profile.user.lastName}`) } });
  }
  const fabLab = lookup(await tx.need.findFirst({ where: { title: 'Un local pour notre fab lab' }, select: { id: true } }), 'besoin du fab lab');
  await tx.spaceNeed.update({ where: { needId: fabLab.id }, data: { tiersLieu: true } });

  // --- Skills placements (action 2.4): four agents, four host structures, a renewal and a change of hours.
  const skillNeed = async (slug: string, fields: { title: string; description: string; skills: string[]; hoursPerMonth: number }, published: Date) => {
    const owner = await userByEmail(tx, structureEmail(slug));
    const need = await createSkillNeed(
      tx,
      { ...fields, ownerId: owner.id, organisationId: await organisationId(tx, structure(slug).name), communeCode: structure(slug).communeCode, status: PublicationStatus.ARCHIVED, publishedAt: published },
      ctx,
    );
    await backdate(tx, 'need', need.id, published);
    return { needId: need.id, ownerId: owner.id };
  };
  const agentOffer = async (lastName: string) => {
    const agent = await userByEmail(tx, agentEmail(lastName));
    const offer = lookup(await tx.offer.findFirst({ where: { ownerId: agent.id, kind: MatchKind.COMPETENCE }, select: { id: true } }), `offre de ${lastName}`);
    return { offerId: offer.id, agentId: agent.id };
  };

  const communication = await skillNeed(
    'fondation-garrigue',
    { title: 'Un plan de communication pour nos dix ans', description: 'La fondation fête ses dix ans et veut faire connaître ses appels à projets aux associations du Gard.', skills: ['communication', 'plan de communication'], hoursPerMonth: 6 },
    ago(480),
  );
  const favier = await agentOffer('Favier');
  const m1 = await match(c, {
    kind: MatchKind.COMPETENCE,
    ...communication,
    ...favier,
    created: at(ago(470), 9),
    reasons: ['compétences en commun : communication', 'à distance possible'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(469), 14), actorId: communication.ownerId },
      { to: MatchStatus.ACCEPTED, at: at(ago(466), 10), actorId: favier.agentId },
    ],
  });
  await convention(c, {
    match: m1,
    status: 'COMPLETED',
    signedOn: ago(450),
    start: ago(440),
    end: ago(260),
    terms: { activities: 'Plan de communication des dix ans de la fondation et calendrier de publication' },
    surveys: { AGENT: { score: 5, comment: 'Une équipe très accueillante, un projet concret.' }, HOST: { score: 4, comment: 'Un plan clair que nous appliquons encore.' } },
  });

  const roseliere = await skillNeed(
    'salins-lagunes',
    { title: 'Financer la restauration de la roselière', description: 'Nous cherchons les financements publics et privés pour restaurer la roselière du sentier de découverte.', skills: ['recherche de financements', 'montage de dossiers'], hoursPerMonth: 4 },
    ago(262),
  );
  const girard = await agentOffer('Girard');
  await match(c, {
    kind: MatchKind.COMPETENCE,
    ...roseliere,
    ...favier,
    created: at(ago(255), 9),
    reasons: ['à distance possible'],
    steps: [{ to: MatchStatus.DECLINED, at: at(ago(252), 15), actorId: favier.agentId, reason: 'Je ne suis pas disponible ce trimestre.' }],
  });
  const m2 = await match(c, {
    kind: MatchKind.COMPETENCE,
    ...roseliere,
    ...girard,
    created: at(ago(250), 9),
    reasons: ['compétences en commun : recherche de financements, montage de dossiers', 'à distance possible'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_OFFER, at: at(ago(248), 11), actorId: girard.agentId },
      { to: MatchStatus.ACCEPTED, at: at(ago(244), 17), actorId: roseliere.ownerId },
    ],
  });
  const roseliereStart = ago(220);
  const roseliereFirst = await convention(c, {
    match: m2,
    status: 'COMPLETED',
    signedOn: ago(230),
    start: roseliereStart,
    end: ago(40),
    surveys: { AGENT: { score: 4 } },
  });
  await convention(c, {
    match: m2,
    status: 'IN_PROGRESS',
    signedOn: ago(55),
    start: roseliereStart,
    end: addDays(roseliereStart, 364),
    amends: { id: roseliereFirst, number: 1, summary: 'Renouvellement pour six mois : dépôt des dossiers de la deuxième tranche.' },
  });

  const benevoles = await skillNeed(
    'panier-beaucairois',
    { title: 'Structurer l’accueil des bénévoles en insertion', description: 'Des personnes en insertion rejoignent l’épicerie comme bénévoles : nous voulons un parcours d’accueil et de suivi.', skills: ['insertion', 'accompagnement'], hoursPerMonth: 4 },
    ago(200),
  );
  const elAmrani = await agentOffer('El Amrani');
  const m3 = await match(c, {
    kind: MatchKind.COMPETENCE,
    ...benevoles,
    ...elAmrani,
    created: at(ago(190), 10),
    reasons: ['compétences en commun : insertion', 'dans la même commune (Beaucaire)'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(189), 9), actorId: benevoles.ownerId },
      { to: MatchStatus.ACCEPTED, at: at(ago(183), 14), actorId: elAmrani.agentId },
    ],
  });
  const accueilStart = ago(150);
  const accueilEnd = addDays(accueilStart, 181);
  const accueil = await convention(c, { match: m3, status: 'IN_PROGRESS', signedOn: ago(165), start: accueilStart, end: accueilEnd, terms: { hoursPerMonth: 4 } });
  await convention(c, {
    match: m3,
    status: 'IN_PROGRESS',
    signedOn: ago(30),
    start: accueilStart,
    end: accueilEnd,
    terms: { hoursPerMonth: 6, workingTime: '6 heures par mois, selon un planning convenu entre l’organisme d’accueil, l’agent et son service.' },
    amends: { id: accueil, number: 1, summary: 'Passage de 4 à 6 heures par mois pour former les référents.' },
  });

  const mediateurs = await skillNeed(
    'entraide-numerique',
    { title: 'Un plan de formation pour nos médiateurs numériques', description: 'Nos médiateurs numériques se forment sur le tas : nous voulons un plan de formation sur deux ans.', skills: ['formation', 'ressources humaines'], hoursPerMonth: 4 },
    ago(120),
  );
  const benhamou = await agentOffer('Benhamou');
  const olivier = await agentOffer('Olivier');
  await match(c, {
    kind: MatchKind.COMPETENCE,
    ...mediateurs,
    ...olivier,
    created: at(ago(112), 9),
    reasons: ['compétences en commun : formation'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(111), 10), actorId: mediateurs.ownerId },
      { to: MatchStatus.CANCELLED, at: at(ago(104), 16), actorId: admin, reason: 'Proposition en double : la structure a retenu une autre offre.' },
    ],
  });
  const m4 = await match(c, {
    kind: MatchKind.COMPETENCE,
    ...mediateurs,
    ...benhamou,
    created: at(ago(105), 9),
    reasons: ['compétences en commun : formation, ressources humaines', 'à distance possible'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(104), 11), actorId: mediateurs.ownerId },
      { to: MatchStatus.ACCEPTED, at: at(ago(98), 15), actorId: benhamou.agentId },
    ],
  });
  await convention(c, { match: m4, status: 'IN_PROGRESS', signedOn: ago(60), start: ago(45), end: addDays(ago(45), 181) });

  // --- Occupations (action 1.3): a building for a new tiers-lieu, a seasonal land, a rooftop signed to start soon.
  const patrimoine = await organisationId(tx, "Direction de l'immobilier et du patrimoine");
  const mailbox = await userByEmail(tx, DEMO_PROPERTY_MAILBOX);
  const property = async (fields: { title: string; description: string; propertyType: PropertyType; communeCode: string; address: string; surfaceM2: number; stepFreeAccess: boolean }, published: Date, status: PublicationStatus) => {
    const offer = await createPropertyOffer(tx, { ...fields, ownerId: mailbox.id, organisationId: patrimoine, status, publishedAt: published }, ctx);
    await backdate(tx, 'offer', offer.id, published);
    return offer.id;
  };
  const spaceNeed = async (slug: string, fields: { title: string; description: string; propertyTypes: PropertyType[]; minSurfaceM2: number; intendedUse: string }, published: Date) => {
    const owner = await userByEmail(tx, structureEmail(slug));
    const need = await createSpaceNeed(
      tx,
      { ...fields, ownerId: owner.id, organisationId: await organisationId(tx, structure(slug).name), communeCode: structure(slug).communeCode, status: PublicationStatus.ARCHIVED, publishedAt: published },
      ctx,
    );
    await backdate(tx, 'need', need.id, published);
    return { needId: need.id, ownerId: owner.id };
  };

  // Archived once occupied: neither building nor rooftop is suggested to the journeys' needs any more.
  const maisonGarde = await property(
    {
      title: 'Ancienne maison du garde forestier',
      description: 'Maison de plain-pied avec un atelier attenant, libérée par le service des forêts.',
      propertyType: PropertyType.BUILDING,
      communeCode: C.leVigan,
      address: '12 route du Mont Aigoual, 30120 Le Vigan',
      surfaceM2: 160,
      stepFreeAccess: true,
    },
    ago(420),
    PublicationStatus.ARCHIVED,
  );
  const communs = await spaceNeed(
    'tiers-lieu-vigan',
    { title: 'Un premier lieu pour les Communs du Vigan', description: 'Notre association veut ouvrir un tiers-lieu : café associatif, ateliers partagés et accueil du public.', propertyTypes: [PropertyType.BUILDING], minSurfaceM2: 120, intendedUse: 'Tiers-lieu : café associatif et ateliers partagés' },
    ago(400),
  );
  await tx.spaceNeed.update({ where: { needId: communs.needId }, data: { tiersLieu: true } });
  const m5 = await match(c, {
    kind: MatchKind.LIEU,
    ...communs,
    offerId: maisonGarde,
    created: at(ago(380), 10),
    reasons: ['dans la même commune (Le Vigan)', 'bâtiment de 160 m² (minimum demandé : 120 m²)'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(378), 9), actorId: communs.ownerId },
      { to: MatchStatus.ACCEPTED, at: at(ago(330), 15), actorId: mailbox.id },
    ],
  });
  await convention(c, {
    match: m5,
    status: 'IN_PROGRESS',
    signedOn: ago(300),
    start: ago(290),
    end: addDays(ago(290), 3 * 365),
  });

  // Still published: the land is vacant again after its season (the vacancy indicator counts it at both ends).
  const pepiniere = await property(
    {
      title: 'Terrain de l’ancienne pépinière départementale',
      description: 'Terrain plat, clos et desservi en eau, à la sortie d’Uzès.',
      propertyType: PropertyType.LAND,
      communeCode: C.uzes,
      address: 'Chemin de la Pépinière, 30700 Uzès',
      surfaceM2: 2_500,
      stepFreeAccess: true,
    },
    ago(400),
    PublicationStatus.PUBLISHED,
  );
  const maraichage = await spaceNeed(
    'fondation-garrigue',
    { title: 'Une saison de maraîchage d’insertion', description: 'Le chantier d’insertion que nous soutenons cherche un terrain pour une saison de maraîchage.', propertyTypes: [PropertyType.LAND], minSurfaceM2: 1_500, intendedUse: 'Maraîchage d’insertion, de mars à septembre' },
    ago(300),
  );
  const m6 = await match(c, {
    kind: MatchKind.LIEU,
    ...maraichage,
    offerId: pepiniere,
    created: at(ago(290), 10),
    reasons: ['dans la même commune (Uzès)', 'terrain de 2 500 m² (minimum demandé : 1 500 m²)'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_OFFER, at: at(ago(288), 11), actorId: mailbox.id },
      { to: MatchStatus.ACCEPTED, at: at(ago(285), 9), actorId: maraichage.ownerId },
    ],
  });
  await convention(c, {
    match: m6,
    status: 'COMPLETED',
    signedOn: ago(255),
    start: ago(240),
    end: ago(60),
    surveys: { OCCUPANT: { score: 5, comment: 'Un terrain idéal, nous candidaterons à nouveau.' }, DEPARTEMENT: { score: 4 } },
  });

  const toitureSport = await property(
    {
      title: 'Toiture de la halle des sports de Pont-Saint-Esprit',
      description: 'Toiture en bac acier orientée plein sud, sans ombrage.',
      propertyType: PropertyType.ROOFTOP,
      communeCode: C.pontSaintEsprit,
      address: 'Avenue du Général-de-Gaulle, 30130 Pont-Saint-Esprit',
      surfaceM2: 650,
      stepFreeAccess: false,
    },
    ago(200),
    PublicationStatus.ARCHIVED,
  );
  const centrale = await spaceNeed(
    'toits-du-soleil',
    { title: 'Une première centrale sur un toit public', description: 'Nos sociétaires veulent installer leur première centrale solaire sur une toiture du Département.', propertyTypes: [PropertyType.ROOFTOP], minSurfaceM2: 400, intendedUse: 'Centrale photovoltaïque citoyenne' },
    ago(180),
  );
  const m7 = await match(c, {
    kind: MatchKind.LIEU,
    ...centrale,
    offerId: toitureSport,
    created: at(ago(170), 10),
    reasons: ['toiture de 650 m² (minimum demandé : 400 m²)'],
    steps: [
      { to: MatchStatus.ACCEPTED_BY_NEED, at: at(ago(168), 10), actorId: centrale.ownerId },
      { to: MatchStatus.ACCEPTED, at: at(ago(120), 14), actorId: mailbox.id },
    ],
  });
  // Signed, not started yet: the works begin on the first day of next month.
  const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  await convention(c, { match: m7, status: 'SIGNED', signedOn: ago(20), start: nextMonth, end: addDays(new Date(Date.UTC(nextMonth.getUTCFullYear() + 20, nextMonth.getUTCMonth(), 1)), -1) });

  // --- Stages (action 2.2): a group of three pupils of Les Terrasses, two pupils of the Mont Aigoual one by one.
  const stageOffer = async (slug: string, fields: { title: string; description: string; activities: string[]; capacityPerWeek: number; maxGroupSize: number; tutorName: string; tutorRole: string }, week: Date) => {
    const owner = await userByEmail(tx, structureEmail(slug));
    const published = addDays(week, -60);
    const offer = await createInternshipOffer(
      tx,
      { ...fields, ownerId: owner.id, organisationId: await organisationId(tx, structure(slug).name), communeCode: structure(slug).communeCode, weeks: [week], status: PublicationStatus.ARCHIVED, publishedAt: published },
      ctx,
    );
    await backdate(tx, 'offer', offer.id, published);
    return { offerId: offer.id, hostId: owner.id };
  };
  const stageNeed = async (slug: string, fields: { title: string; description: string; pupilCount: number; mode: PlacementMode; maxDistanceKm: number; referent: string }, week: Date) => {
    const college = lookup(COLLEGES.find((candidate) => candidate.slug === slug), slug);
    const staff = await userByEmail(tx, collegeEmail(slug));
    const published = addDays(week, -45);
    const { referent, ...need } = fields;
    const created = await createInternshipNeed(
      tx,
      { ...need, ownerId: staff.id, organisationId: await organisationId(tx, college.name), communeCode: college.communeCode, week, status: PublicationStatus.ARCHIVED, publishedAt: published },
      ctx,
    );
    await backdate(tx, 'need', created.id, published);
    return { needId: created.id, staffId: staff.id, collegeName: college.name, referent: { referentTeacherName: referent, referentTeacherEmail: `professeur.referent@${slug}.example.org` } };
  };
  const pupilsOf = async (collegeName: string, count: number, week: Date) => {
    const pupils = await tx.pupil.findMany({ where: { college: { name: collegeName } }, orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }], take: count });
    // Registered by the collège before the stage, last active the week of it.
    return Promise.all(
      pupils.map((pupil) => tx.pupil.update({ where: { id: pupil.id }, data: { createdAt: addDays(week, -50), lastActivityAt: addDays(week, 4) } })),
    );
  };
  const stage = async (input: {
    offer: { offerId: string; hostId: string };
    need: { needId: string; staffId: string; collegeName: string; referent: { referentTeacherName: string; referentTeacherEmail: string } };
    week: Date;
    pupils: number;
    reasons: string[];
  }) => {
    const m = await match(c, {
      kind: MatchKind.STAGE,
      needId: input.need.needId,
      offerId: input.offer.offerId,
      created: at(addDays(input.week, -30), 10),
      reasons: input.reasons,
      steps: [
        { to: MatchStatus.ACCEPTED_BY_NEED, at: at(addDays(input.week, -30), 11), actorId: input.need.staffId },
        { to: MatchStatus.ACCEPTED, at: at(addDays(input.week, -27), 9), actorId: input.offer.hostId },
      ],
    });
    for (const [index, pupil] of (await pupilsOf(input.need.collegeName, input.pupils, input.week)).entries()) {
      await convention(c, {
        match: m,
        pupil,
        status: 'COMPLETED',
        signedOn: addDays(input.week, -10),
        terms: input.need.referent,
        surveys: index === 0 ? { HOST: { score: 5, comment: 'Des élèves curieux, nous recommencerons.' }, COLLEGE: { score: 4 } } : {},
      });
    }
  };

  const groupWeek = mondayOnOrAfter(ago(32));
  await stage({
    offer: await stageOffer(
      'gard-entreprendre',
      {
        title: 'Une semaine dans une coopérative d’activités',
        description: 'Les élèves suivent des entrepreneurs salariés de la coopérative : artisans, formateurs, graphistes.',
        activities: ['Rencontres avec des entrepreneurs', 'Préparation d’un marché de créateurs'],
        capacityPerWeek: 3,
        maxGroupSize: 3,
        tutorName: 'Thierry Roche',
        tutorRole: 'Gérant de la coopérative',
      },
      groupWeek,
    ),
    need: await stageNeed(
      'college-terrasses',
      { title: 'Un groupe de trois élèves curieux d’entreprendre', description: 'Trois élèves de 3e veulent découvrir ensemble comment on crée son activité.', pupilCount: 3, mode: PlacementMode.GROUP, maxDistanceKm: 15, referent: 'Claire Dumas' },
      groupWeek,
    ),
    week: groupWeek,
    pupils: 3,
    reasons: ['dans la même commune (Alès)', 'accueil d’un groupe de 3 élèves'],
  });
  const individualWeek = mondayOnOrAfter(ago(18));
  await stage({
    offer: await stageOffer(
      'tiers-lieu-vigan',
      {
        title: 'Une semaine au fab lab des Communs',
        description: 'Découpe laser, impression 3D et accueil du public : les élèves participent à la vie du fab lab.',
        activities: ['Ateliers de fabrication', 'Accueil du public'],
        capacityPerWeek: 2,
        maxGroupSize: 1,
        tutorName: 'Elsa Causse',
        tutorRole: 'Coordinatrice du tiers-lieu',
      },
      individualWeek,
    ),
    need: await stageNeed(
      'college-mont-aigoual',
      { title: 'Deux stages individuels près du Vigan', description: 'Deux élèves de 3e cherchent chacun une semaine d’observation près du Vigan.', pupilCount: 2, mode: PlacementMode.INDIVIDUAL, maxDistanceKm: 20, referent: 'Julien Pagès' },
      individualWeek,
    ),
    week: individualWeek,
    pupils: 2,
    reasons: ['dans la même commune (Le Vigan)'],
  });
}
