import { FIT_SCALE } from '../../../matching/allocation';
import { statusLabels as conventionStatusLabels } from '../../../matching/conventions/lifecycle';
import { matchingText } from '../../../matching/scoring';
import type { Need, Offer, Pupil } from '../../../matching/types';
import { formatDayFr, formatWeekFr, isoWeekOf } from '../../../matching/weeks';
import { kindLabels } from '../../lib/labels';
import { matchStatusLabels } from '../../lib/match-labels';
import { CADA, decimalFr, MISSION_ESS_CONTACT, TRANSPARENCY_PAGE_TITLE, TRANSPARENCY_PATH } from '../../lib/transparency';
import { offersForWeek, loadStageNeed } from '../allocation/cohort-allocation';
import { assertAccess, hasRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { thesaurusInForce, THESAURUS_KEY } from '../contents/published-contents';
import type { Prisma } from '../db/generated/client';
import type { MatchStatus } from '../db/generated/enums';
import { AppError } from '../errors';
import { embeddedRelatedness, interestFit } from '../matching/engine-inputs';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from '../matching/facts';
import { suggestNeedsForOffer, suggestOffersForNeed, TOP } from '../matching/suggestions';
import type { Services } from '../services';
import { pairBreakdown, pupilBreakdown } from './breakdown';

/**
 * The individual report of CRPA art. R311-3-1-2: for one person's result — a match (either side) or a pupil's line
 * of a cohort allocation — the four items the code lists, recomputed with the engine on the data of today and set
 * beside what was recorded at the time. Produced by the Mission ESS only, which answers the person's request.
 */

export const REPORT_KINDS = ['mise-en-relation', 'affectation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The four items, in the words of art. R311-3-1-2. */
export const REPORT_ITEMS = [
  'Le degré et le mode de contribution du traitement algorithmique à la prise de décision',
  'Les données traitées et leurs sources',
  'Les paramètres de traitement et, le cas échéant, leur pondération, appliqués à la situation de l’intéressé',
  'Les opérations effectuées par le traitement',
] as const;

export type ReportBlock = { type: 'text'; paragraphs: string[] } | { type: 'table'; caption: string; head: string[]; rows: string[][] };

export interface ReportSection {
  heading: (typeof REPORT_ITEMS)[number];
  blocks: ReportBlock[];
}

export interface IndividualReport {
  kind: ReportKind;
  id: string;
  title: string;
  /** What the report is about, as the requester already knows it. */
  subject: { label: string; value: string }[];
  generatedAt: string;
  sections: ReportSection[];
  /** Recourse, as the explicit mention states it. */
  closing: string[];
}

const CLOSING = [
  `Règles générales des traitements : ${TRANSPARENCY_PAGE_TITLE}, page publique ${TRANSPARENCY_PATH} de Passerelles.`,
  `Questions : Mission ESS du Département du Gard, ${MISSION_ESS_CONTACT.email}, ${MISSION_ESS_CONTACT.postal}.`,
  `En cas de désaccord sur cette communication, la ${CADA.name} peut être saisie dans les deux mois (${CADA.label}), avant tout recours devant le tribunal administratif de Nîmes.`,
];

const dateTimeFr = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
const atFr = (date: Date) => dateTimeFr.format(date);
const dayFr = (date: Date | null | undefined) => (date ? formatDayFr(date) : 'non précisée');
const isoDayFr = (iso: string | undefined) => (iso ? formatDayFr(new Date(`${iso}T00:00:00Z`)) : 'non précisée');
function periodFr(from: string | undefined, to: string | undefined): string {
  if (from && to) return `du ${isoDayFr(from)} au ${isoDayFr(to)}`;
  if (from) return `à partir du ${isoDayFr(from)}`;
  return to ? `jusqu’au ${isoDayFr(to)}` : 'non précisée';
}
const ordinalFr = (n: number) => (n === 1 ? '1er' : `${n}e`);
const listFr = (items: readonly string[]) => (items.length ? items.join(', ') : 'aucun');
const yesNo = (value: boolean | undefined) => (value ? 'oui' : 'non');
const personName = (user: { firstName: string | null; lastName: string | null; email: string }) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;
const table = (caption: string, head: string[], rows: string[][]): ReportBlock => ({ type: 'table', caption, head, rows });
const text = (...paragraphs: string[]): ReportBlock => ({ type: 'text', paragraphs });

const CENTROID_SOURCE = 'centre calculé à partir des contours IGN Admin Express COG 2018 (Licence Ouverte / Open Licence Etalab)';
const COMMUNE_SOURCE = `commune saisie dans la publication ; ${CENTROID_SOURCE}`;

async function textModel(services: Services): Promise<string[][]> {
  const [{ model }, published] = await Promise.all([
    services.embeddings.embed([]),
    services.prisma.publishedContent.findFirst({ where: { kind: 'THESAURUS', key: THESAURUS_KEY }, orderBy: { version: 'desc' }, select: { version: true } }),
  ]);
  return [
    ['Représentation des textes', model.key, 'configuration de Passerelles'],
    ['Thésaurus', `version ${published?.version ?? 0} en vigueur`, 'tenu et publié par la Mission ESS'],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// A match.

const matchInclude = {
  need: { include: needFactsInclude },
  offer: { include: { ...offerFactsInclude, organisation: true, skill: { include: { agent: true } } } },
  history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  decision: true,
} satisfies Prisma.MatchInclude;

const transitionsFr: Record<MatchStatus, string> = {
  SUGGESTED: 'suggérée aux deux parties',
  ACCEPTED_BY_NEED: 'proposée (ou acceptée) pour le besoin',
  ACCEPTED_BY_OFFER: 'proposée (ou acceptée) pour l’offre',
  ACCEPTED: 'acceptée par la seconde partie : mise en relation conclue',
  DECLINED: 'refusée',
  CANCELLED: 'annulée',
};

const eligibilityFr = { NONE: 'non éligible', INTERET_GENERAL: 'organisme d’intérêt général', ARUP: 'association reconnue d’utilité publique', FONDATION: 'fondation' } as const;

type MatchRecord = NonNullable<Awaited<ReturnType<typeof loadMatchRecord>>>;

function loadMatchRecord(services: Services, id: string) {
  return services.prisma.match.findUnique({ where: { id }, include: matchInclude });
}

function offerHolder(match: MatchRecord): string {
  if (match.offer.skill) return `${personName(match.offer.skill.agent)}, agent du Département`;
  return match.offer.organisation?.name ?? '—';
}

function needRows(need: Need, match: MatchRecord): string[][] {
  const row = match.need;
  const source = `publication du besoin par ${row.organisation.name}`;
  const rows = [
    ['Type', kindLabels[row.kind].singular, source],
    ['Texte comparé', matchingText(need), `${source} (titre, description et listes)`],
    ['Commune', `${need.place.name} (${need.place.code}), centre ${decimalFr(need.place.lat, 5)}, ${decimalFr(need.place.lon, 5)}`, COMMUNE_SOURCE],
    ['Distance maximale', `${need.maxDistanceKm} km`, source],
  ];
  if (need.kind !== 'stage') rows.push(['Période', periodFr(need.from, need.to), source]);
  if (need.kind === 'competence') {
    const org = row.organisation;
    rows.push(['Compétences recherchées', listFr(need.skills ?? []), source]);
    rows.push([
      'Éligibilité de la structure',
      `${eligibilityFr[org.skillsEligibility]}${org.eligibilityVerifiedAt ? `, vérifiée le ${dayFr(org.eligibilityVerifiedAt)}` : ', non vérifiée'}`,
      'déclarée par la structure, vérifiée par la Mission ESS',
    ]);
  }
  if (need.kind === 'lieu') {
    rows.push(['Types de bien recherchés', listFr(need.propertyTypes ?? []), source]);
    rows.push(['Surface minimale', `${need.minSurfaceM2 ?? 0} m²`, source]);
    rows.push(['Accès de plain-pied exigé', yesNo(need.needsPMR), source]);
  }
  if (need.kind === 'stage' && need.week) {
    const org = row.organisation;
    const flags = [org.rep && 'REP', org.repPlus && 'REP+', org.qpv && 'QPV', org.commune?.frr && 'commune FRR'].filter((flag): flag is string => Boolean(flag));
    rows.push(['Semaine', formatWeekFr(need.week), source]);
    rows.push(['Élèves', `${need.pupils ?? 1}, ${need.group ? 'en groupe' : 'placés un par un'}`, source]);
    rows.push(['Centres d’intérêt', listFr(need.interests ?? []), source]);
    rows.push([
      'Priorité (élèves sans réseau)',
      need.priority ? `oui (${flags.join(', ')})` : 'non',
      'REP, REP+ et QPV déclarés par le collège ; classement France Ruralités Revitalisation de sa commune',
    ]);
  }
  return rows;
}

function offerRows(offer: Offer, match: MatchRecord): string[][] {
  const source = `publication de l’offre par ${offerHolder(match)}`;
  const rows = [
    ['Type', kindLabels[match.offer.kind].singular, source],
    ['Texte comparé', matchingText(offer), `${source} (titre, description et listes)`],
    ['Commune', `${offer.place.name} (${offer.place.code}), centre ${decimalFr(offer.place.lat, 5)}, ${decimalFr(offer.place.lon, 5)}`, COMMUNE_SOURCE],
    ['Date de publication', isoDayFr(offer.publishedAt), 'publication de l’offre (date enregistrée par Passerelles)'],
  ];
  if (offer.kind !== 'stage') rows.push(['Période', periodFr(offer.availableFrom, offer.availableTo), source]);
  if (offer.kind === 'competence') {
    rows.push(['Compétences proposées', listFr(offer.skills ?? []), source]);
    rows.push(['Rayon de déplacement', `${offer.radiusKm ?? 0} km`, source]);
    rows.push(['Exerçable à distance', yesNo(offer.remote), source]);
  }
  if (offer.kind === 'lieu') {
    rows.push(['Type de bien', offer.propertyType ?? '—', source]);
    rows.push(['Surface', `${offer.surfaceM2 ?? 0} m²`, source]);
    rows.push(['Accessible de plain-pied', yesNo(offer.accessiblePMR), source]);
  }
  if (offer.kind === 'stage') {
    rows.push(['Activités', listFr(offer.activities ?? []), source]);
    rows.push(['Semaines proposées', listFr((offer.weeks ?? []).map(formatWeekFr)), source]);
    rows.push(['Places par semaine', String(offer.capacity ?? 0), source]);
    rows.push(['Élèves accueillis ensemble', `${offer.groupMax ?? 1} au plus`, source]);
  }
  return rows;
}

/** Who acted, and for whom: a side of the match, or the Mission ESS. */
async function actorsOf(services: Services, match: MatchRecord): Promise<(id: string | null) => string> {
  const ids = match.history.map((change) => change.actorId).filter((id): id is string => id !== null);
  const users = await services.prisma.user.findMany({ where: { id: { in: ids } }, include: { roles: true } });
  return (id) => {
    const user = users.find((candidate) => candidate.id === id);
    if (!user) return 'compte supprimé ou traitement automatique';
    const needSide = hasRole(user, match.kind === 'STAGE' ? 'COLLEGE_STAFF' : 'STRUCTURE_MEMBER', match.need.organisationId);
    const offerSide =
      match.offer.organisation !== null && hasRole(user, match.kind === 'LIEU' ? 'PROPERTY_MANAGER' : 'STRUCTURE_MEMBER', match.offer.organisation.id);
    const role = needSide
      ? `pour le besoin, ${match.need.organisation.name}`
      : match.offer.skill?.agentId === user.id
        ? 'agent du Département, pour l’offre'
        : offerSide
          ? `pour l’offre, ${match.offer.organisation?.name}`
          : hasRole(user, 'MISSION_ESS_ADMIN')
            ? 'Mission ESS'
            : 'autre compte';
    return `${personName(user)} (${role})`;
  };
}

async function rankOf(load: () => Promise<{ suggestions: { needId: string; offerId: string }[] }>, pick: (s: { needId: string; offerId: string }) => boolean, published: boolean): Promise<string> {
  if (!published) return 'non recalculable : l’un des deux n’est plus publié';
  const { suggestions } = await load();
  const index = suggestions.findIndex(pick);
  return index === -1 ? `hors des ${TOP} premières suggestions aujourd’hui` : `${ordinalFr(index + 1)} sur ${suggestions.length} suggestion(s) affichée(s)`;
}

async function matchReport(services: Services, user: CurrentUser, id: string): Promise<IndividualReport> {
  const match = await loadMatchRecord(services, id);
  if (!match) throw new AppError('NOT_FOUND', 'Cette mise en relation n’existe pas.');
  const now = services.clock.now();
  const today = now.toISOString().slice(0, 10);
  const need = needFacts(match.need);
  const offer = offerFacts(match.offer);
  const { thesaurus } = await thesaurusInForce(services.prisma);
  const relatedness = await embeddedRelatedness(services.embeddings, [need], [offer], thesaurus);
  const breakdown = pairBreakdown(need, offer, relatedness, today);
  const actor = await actorsOf(services, match);
  const allocation = await services.prisma.allocation.findFirst({
    where: { needId: match.needId, status: 'VALIDATED', lines: { some: { offerId: match.offerId } } },
    orderBy: { validatedAt: 'desc' },
    select: { createdAt: true, validatedAt: true },
  });
  const published = match.need.status === 'PUBLISHED' && match.offer.status === 'PUBLISHED';
  const [offerRank, needRank] = await Promise.all([
    rankOf(() => suggestOffersForNeed(services, user, match.needId), (s) => s.offerId === match.offerId, published),
    rankOf(() => suggestNeedsForOffer(services, user, match.offerId), (s) => s.needId === match.needId, published),
  ]);

  const contribution: ReportBlock[] = [
    text(
      'Le traitement algorithmique a seulement suggéré cette mise en relation : il a vérifié que l’offre respecte toutes les conditions du besoin, l’a classée parmi les autres possibilités et a expliqué pourquoi. Il n’a rien décidé.',
      'Mode de contribution : aide à la décision. La mise en relation n’existe que parce qu’une partie l’a proposée, et elle n’aboutit que si l’autre partie l’accepte ; la convention n’est rédigée qu’ensuite et n’engage les parties qu’une fois signée.',
      ...(allocation
        ? [
            `La proposition du collège reprend une affectation de sa classe calculée le ${atFr(allocation.createdAt)}, relue puis validée par le collège${allocation.validatedAt ? ` le ${atFr(allocation.validatedAt)}` : ''}.`,
          ]
        : []),
      ...(match.decision
        ? [`Décision des élus retenant cette candidature : ${match.decision.body}, le ${dayFr(match.decision.decidedOn)}, délibération n° ${match.decision.reference}.`]
        : []),
    ),
    table(
      'Décisions prises par des personnes',
      ['Date', 'Qui', 'Décision', 'Motif'],
      match.history.length
        ? match.history.map((change) => [atFr(change.at), actor(change.actorId), transitionsFr[change.to], change.reason ?? '—'])
        : [[atFr(match.createdAt), '—', 'aucune décision enregistrée', '—']],
    ),
  ];

  const data: ReportBlock[] = [
    table('Besoin', ['Donnée', 'Valeur', 'Source'], needRows(need, match)),
    table('Offre', ['Donnée', 'Valeur', 'Source'], offerRows(offer, match)),
    table('Outils de calcul', ['Donnée', 'Valeur', 'Source'], await textModel(services)),
    text(
      'Ne sont pas utilisés par le traitement : les noms et coordonnées des personnes, les adresses précises, le SIRET, les photos et les documents.',
    ),
  ];

  const parameters: ReportBlock[] = [
    table(
      `Score de pertinence recalculé le ${formatDayFr(now)}`,
      ['Composante', 'Valeur', 'Poids', 'Part du score', 'Détail'],
      breakdown.rows.map((row) => [row.label, decimalFr(row.value), decimalFr(row.weight), decimalFr(row.weighted), row.detail]),
    ),
    text(
      `Score : ${decimalFr(breakdown.score)} (pertinence ${Math.round(breakdown.score * 100)} %), somme des parts arrondie au millième.`,
      `Score enregistré quand la mise en relation a été proposée, le ${atFr(match.createdAt)} : ${decimalFr(match.score)}. Les deux peuvent différer : la fraîcheur baisse avec le temps, et les textes ou le thésaurus ont pu changer depuis.`,
    ),
  ];

  const operations: ReportBlock[] = [
    table(
      'Conditions impératives vérifiées (recalculées aujourd’hui)',
      ['Condition', 'Résultat'],
      breakdown.constraints.map((outcome) => [outcome.title, outcome.failure ? `non respectée aujourd’hui : ${outcome.failure}` : 'respectée']),
    ),
    table('Classement et explication', ['Opération', 'Résultat'], [
      ['Distance calculée', `${decimalFr(breakdown.distanceKm, 1)} km à vol d’oiseau entre les centres des communes`],
      ['Rang de l’offre parmi les suggestions pour ce besoin (aujourd’hui)', offerRank],
      ['Rang du besoin parmi les suggestions pour cette offre (aujourd’hui)', needRank],
      ['Explication enregistrée lors de la proposition', match.explanation.join(' ; ') || '—'],
    ]),
  ];

  return {
    kind: 'mise-en-relation',
    id: match.id,
    title: `Mise en relation — ${kindLabels[match.kind].singular}`,
    subject: [
      { label: 'Besoin', value: `${match.need.title} (${match.need.organisation.name})` },
      { label: 'Offre', value: `${match.offer.title} (${offerHolder(match)})` },
      { label: 'État', value: matchStatusLabels[match.status] },
      { label: 'Proposée le', value: atFr(match.createdAt) },
    ],
    generatedAt: atFr(now),
    sections: [
      { heading: REPORT_ITEMS[0], blocks: contribution },
      { heading: REPORT_ITEMS[1], blocks: data },
      { heading: REPORT_ITEMS[2], blocks: parameters },
      { heading: REPORT_ITEMS[3], blocks: operations },
    ],
    closing: CLOSING,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A pupil's line of a cohort allocation.

/** An allocation line is named by its allocation and its pupil: `<allocationId>~<pupilId>`. */
export const allocationLineId = (allocationId: string, pupilId: string) => `${allocationId}~${pupilId}`;

const allocationStatusFr = { PROPOSED: 'proposition à relire par le collège', VALIDATED: 'validée par le collège', DISCARDED: 'abandonnée par le collège' } as const;

interface AllocationStats {
  pupils: number;
  placed: number;
  priorityPupils: number;
  priorityPlaced: number;
}

function statsOf(raw: unknown): AllocationStats | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const stats = raw as Partial<Record<keyof AllocationStats, unknown>>;
  const numbers = [stats.pupils, stats.placed, stats.priorityPupils, stats.priorityPlaced];
  return numbers.every((n) => typeof n === 'number') ? (stats as AllocationStats) : null;
}

async function allocationReport(services: Services, id: string): Promise<IndividualReport> {
  const [allocationId = '', pupilId = ''] = id.split('~');
  const line = allocationId && pupilId
    ? await services.prisma.allocationLine.findUnique({
        where: { allocationId_pupilId: { allocationId, pupilId } },
        include: {
          // Only what the requester already knows to name the pupil, and what the engine used.
          pupil: { select: { firstName: true, lastName: true, className: true, priority: true, interests: true } },
          allocation: { include: { job: true, college: { select: { name: true } } } },
          offer: { select: { title: true, organisation: { select: { name: true } }, commune: { select: { name: true } } } },
        },
      })
    : null;
  if (!line) throw new AppError('NOT_FOUND', 'Cette ligne d’affectation n’existe pas.');
  const { allocation, pupil: pupilRow } = line;
  const now = services.clock.now();
  const needRow = await loadStageNeed(services.prisma, allocation.needId);
  const need = needFacts(needRow);
  const week = isoWeekOf(needRow.internship.week);
  const pupil: Pupil = {
    id: pupilId,
    place: need.place,
    week,
    maxDistanceKm: needRow.maxDistanceKm,
    interests: pupilRow.interests || needRow.internship.interests.join(', '),
    priority: pupilRow.priority,
  };
  const hosts = await offersForWeek(services.prisma, needRow);
  const engineOffers = hosts.map((host) => host.facts);
  const breakdown = pupilBreakdown(pupil, engineOffers, await interestFit(services.embeddings, [pupil], engineOffers), line.offerId);
  const [creator, match] = await Promise.all([
    allocation.createdById ? services.prisma.user.findUnique({ where: { id: allocation.createdById } }) : null,
    line.offerId
      ? services.prisma.match.findUnique({
          where: { needId_offerId: { needId: allocation.needId, offerId: line.offerId } },
          include: { history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] }, conventions: { where: { pupilId }, select: { reference: true, status: true, createdAt: true } } },
        })
      : null,
  ]);
  const actors = await services.prisma.user.findMany({
    where: { id: { in: (match?.history ?? []).map((change) => change.actorId).filter((actorId): actorId is string => actorId !== null) } },
  });
  const actorName = (actorId: string | null) => {
    const actor = actors.find((candidate) => candidate.id === actorId);
    return actor ? personName(actor) : 'compte supprimé';
  };
  const hostName = line.offer ? `« ${line.offer.title} » (${line.offer.organisation?.name ?? '—'}, ${line.offer.commune.name})` : null;

  const events: string[][] = [
    [atFr(allocation.createdAt), creator ? `${personName(creator)} (collège)` : 'le collège', 'calcul de l’affectation lancé pour la classe'],
  ];
  if (allocation.job.finishedAt) events.push([atFr(allocation.job.finishedAt), 'traitement algorithmique', 'proposition d’affectation calculée']);
  if (line.adjusted) events.push(['—', 'le collège', 'résultat de l’élève modifié à la main avant validation']);
  if (allocation.validatedAt) events.push([atFr(allocation.validatedAt), 'le collège', 'proposition validée et adressée aux structures']);
  if (allocation.status === 'DISCARDED') events.push(['—', 'le collège', 'proposition abandonnée']);
  for (const change of match?.history ?? []) events.push([atFr(change.at), actorName(change.actorId), `mise en relation avec la structure ${transitionsFr[change.to]}`]);
  for (const convention of match?.conventions ?? []) {
    events.push([atFr(convention.createdAt), 'le collège', `convention ${convention.reference} préparée (aujourd’hui : ${conventionStatusLabels[convention.status]})`]);
  }

  const stats = statsOf(allocation.stats);
  const offerTitle = new Map(hosts.map((host) => [host.row.id, `${host.row.title} (${host.row.organisation?.name ?? '—'})`]));
  const seats = new Map(hosts.map((host) => [host.row.id, host.seats]));
  const { objective } = breakdown;

  return {
    kind: 'affectation',
    id: allocationLineId(allocation.id, pupilId),
    title: 'Affectation d’un élève de 3e en stage d’observation',
    subject: [
      { label: 'Élève', value: `${pupilRow.firstName} ${pupilRow.lastName}, ${pupilRow.className}` },
      { label: 'Collège', value: allocation.college.name },
      { label: 'Besoin', value: `${needRow.title}, ${formatWeekFr(week)}` },
      { label: 'Affectation', value: `calculée le ${atFr(allocation.createdAt)}, ${allocationStatusFr[allocation.status]}` },
    ],
    generatedAt: atFr(now),
    sections: [
      {
        heading: REPORT_ITEMS[0],
        blocks: [
          text(
            'Le traitement algorithmique a calculé une proposition de répartition de tous les élèves du collège sans convention cette semaine-là entre les stages possibles. Il n’a rien décidé.',
            'Mode de contribution : proposition. Le collège l’a relue et pouvait changer le stage de chaque élève ou le laisser sans stage avant de la valider ; chaque structure d’accueil accepte ou refuse ensuite ; la convention de stage n’engage qu’une fois signée par les parties.',
            line.adjusted
              ? 'Le résultat de cet(te) élève a été modifié à la main par le collège après le calcul.'
              : 'Le résultat de cet(te) élève est celui du calcul : le collège ne l’a pas modifié.',
          ),
          table('Étapes et décisions', ['Date', 'Qui', 'Quoi'], events),
        ],
      },
      {
        heading: REPORT_ITEMS[1],
        blocks: [
          table('Données de l’élève et du besoin', ['Donnée', 'Valeur', 'Source'], [
            ['Élève prioritaire (sans réseau)', yesNo(pupilRow.priority), 'fiche de l’élève, renseignée par le collège'],
            [
              'Centres d’intérêt',
              pupil.interests || 'aucun',
              pupilRow.interests ? 'fiche de l’élève, renseignée par le collège' : 'aucun sur la fiche de l’élève : ceux du besoin du collège',
            ],
            ['Semaine', formatWeekFr(week), 'besoin publié par le collège'],
            ['Point de départ', `${need.place.name} (${need.place.code}), centre ${decimalFr(need.place.lat, 5)}, ${decimalFr(need.place.lon, 5)}`, `commune du besoin du collège ; ${CENTROID_SOURCE}`],
            ['Distance maximale', `${needRow.maxDistanceKm} km`, 'besoin publié par le collège'],
            ['Vœux', 'aucun', 'Passerelles ne recueille pas de vœux'],
          ]),
          table('Stages de la semaine dans la distance', ['Stage', 'Commune', 'Places libres aujourd’hui', 'Source'], hosts.map((host) => [
            offerTitle.get(host.row.id) ?? host.row.title,
            host.row.commune.name,
            String(host.seats),
            'offre publiée par la structure ; places moins celles prises par une convention',
          ])),
          table('Outils de calcul', ['Donnée', 'Valeur', 'Source'], await textModel(services)),
          text('Ne sont pas utilisés par le traitement : le nom, la classe, la date de naissance de l’élève et les coordonnées de ses responsables légaux, ni aucune donnée sur les autres élèves autre que leur nombre.'),
        ],
      },
      {
        heading: REPORT_ITEMS[2],
        blocks: [
          text(
            'Aucune pondération : les critères sont comparés dans un ordre strict. D’abord le nombre d’élèves prioritaires placés, puis le nombre d’élèves placés, puis les vœux (aucun ici), enfin la proximité des centres d’intérêt avec les activités du stage, en millièmes.',
          ),
          table('Ce que le résultat de cet(te) élève apporte à chaque critère', ['Critère, dans l’ordre', 'Valeur'], [
            ['Élève prioritaire placé(e)', String(objective.priorityPlaced)],
            ['Élève placé(e)', String(objective.placed)],
            ['Vœux respectés', 'sans objet (aucun vœu)'],
            ['Proximité des centres d’intérêt avec le stage attribué', objective.fit === null ? '—' : `${objective.fit} millièmes sur ${FIT_SCALE}`],
          ]),
          table(
            `Paramètres appliqués à l’élève pour chaque stage possible (recalculés le ${formatDayFr(now)})`,
            ['Stage', 'Distance', 'Proximité des centres d’intérêt', 'Résultat'],
            breakdown.options.map((option) => [
              offerTitle.get(option.offerId) ?? option.offerId,
              `${decimalFr(option.distanceKm, 1)} km`,
              `${option.fit} millièmes${option.close ? ' (proches)' : ''}`,
              option.offerId === line.offerId ? 'stage attribué' : (seats.get(option.offerId) ?? 0) === 0 ? 'complet aujourd’hui' : '—',
            ]),
          ),
        ],
      },
      {
        heading: REPORT_ITEMS[3],
        blocks: [
          table('Opérations', ['Opération', 'Résultat'], [
            ['Sélection des stages', `${hosts.length} stage(s) publié(s) cette semaine à ${needRow.maxDistanceKm} km au plus (aujourd’hui)`],
            [
              'Répartition de toute la classe (optimum exact de l’objectif)',
              stats
                ? `${stats.placed} élève(s) placé(s) sur ${stats.pupils}, dont ${stats.priorityPlaced} sur ${stats.priorityPupils} élève(s) prioritaire(s)`
                : 'statistiques non enregistrées',
            ],
            ['Résultat pour cet(te) élève', hostName ? `stage ${hostName}` : 'sans stage'],
            ['Explication enregistrée', line.reasons.join(' ; ') || '—'],
            ['Rang', 'sans objet : l’affectation ne classe pas les stages pour un élève, elle cherche la meilleure répartition de toute la classe'],
          ]),
        ],
      },
    ],
    closing: CLOSING,
  };
}

/** The Mission ESS only; anyone else is refused before anything is looked up. */
export async function individualReport(services: Services, user: CurrentUser, kind: string, id: string): Promise<IndividualReport> {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  if (kind === 'mise-en-relation') return matchReport(services, user, id);
  if (kind === 'affectation') return allocationReport(services, id);
  throw new AppError('NOT_FOUND', 'Ce type de rapport n’existe pas.');
}
