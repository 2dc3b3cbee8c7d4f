import type { SignatoryRole } from '../db/generated/enums';
import { listHref, placementsDuring, type Placement } from './conventions';
import { average, dayInPeriod, monthsWithin, percent, round1 } from './period';
import type { ConventionRow, Indicator, IndicatorContext } from './types';

const NO_GRADE = 'Grade non renseigné';

/** Hours placed within the period: hours a month of the terms in force × months of the placement within the period. */
const hoursWithin = (placement: Placement, context: Pick<IndicatorContext, 'period'>): number =>
  (placement.current.hoursPerMonth ?? 0) * monthsWithin(placement.current.start, placement.current.end, context.period);

interface Satisfaction {
  sent: number;
  scores: number[];
}

/**
 * Satisfaction of one side: the survey goes to that signatory of each skills convention (or amendment) once it is
 * over; those whose end date falls in the period count here.
 */
function satisfaction(conventions: readonly ConventionRow[], role: SignatoryRole, context: IndicatorContext): Satisfaction {
  const surveyed = conventions.filter(
    (convention) =>
      convention.kind === 'COMPETENCE' && convention.status === 'COMPLETED' && dayInPeriod(convention.end, context.period) && context.inTerritory(convention.need.communeCode),
  );
  return {
    sent: surveyed.reduce((sum, convention) => sum + convention.signatoryRoles.filter((r) => r === role).length, 0),
    scores: surveyed.flatMap((convention) => convention.surveys.filter((survey) => survey.role === role).map((survey) => survey.score)),
  };
}

/** Action 2.4 — council agents' skills placed with ESS structures (loi 3DS art. 209 experiment). */
export function competencesIndicators(conventions: readonly ConventionRow[], context: IndicatorContext): Indicator[] {
  const placements = placementsDuring(conventions, 'COMPETENCE', context).sort((a, b) =>
    a.current.start.localeCompare(b.current.start) || a.convention.reference.localeCompare(b.convention.reference),
  );
  const link = listHref('/conventions', context, { kind: 'COMPETENCE' });
  const agents = new Set(placements.flatMap(({ convention }) => (convention.agent ? [convention.agent.id] : [])));
  const hosts = new Map<string, { name: string; communeCode: string; agents: Set<string>; missions: string[] }>();
  for (const { convention, current } of placements) {
    const host = hosts.get(convention.need.organisationId) ?? { name: convention.need.organisationName, communeCode: convention.need.communeCode, agents: new Set(), missions: [] };
    if (convention.agent) host.agents.add(convention.agent.id);
    if (current.activities) host.missions.push(current.activities);
    hosts.set(convention.need.organisationId, host);
  }
  const hours = placements.reduce((sum, placement) => sum + hoursWithin(placement, context), 0);
  const agentSide = satisfaction(conventions, 'AGENT', context);
  const hostSide = satisfaction(conventions, 'HOST', context);
  const renewed = placements.filter((placement) => placement.signedAmendments > 0);

  const byGrade = new Map<string, { agents: Set<string>; renewed: number }>();
  for (const placement of placements) {
    const grade = placement.convention.agent?.grade?.trim() || NO_GRADE;
    const row = byGrade.get(grade) ?? { agents: new Set<string>(), renewed: 0 };
    if (placement.convention.agent) row.agents.add(placement.convention.agent.id);
    if (placement.signedAmendments > 0) row.renewed++;
    byGrade.set(grade, row);
  }

  return [
    {
      id: 'competences-agents',
      action: '2.4',
      label: 'Agents dont les compétences ont été mises à disposition',
      definition:
        'Agents distincts mis à disposition pendant la période : convention de mise à disposition signée et non annulée dont la période (celle de l’avenant signé le plus récent) recoupe la période choisie.',
      figures: [{ key: 'agents', label: 'Agents mis à disposition', value: agents.size, unit: 'nombre', href: link }],
      breakdowns: [],
    },
    {
      id: 'competences-structures',
      action: '2.4',
      label: 'Structures d’accueil',
      definition: 'Structures distinctes ayant accueilli au moins un agent mis à disposition pendant la période.',
      figures: [{ key: 'structures', label: 'Structures d’accueil', value: hosts.size, unit: 'nombre', href: link }],
      breakdowns: [],
    },
    {
      id: 'competences-heures',
      action: '2.4',
      label: 'Heures mises à disposition',
      definition:
        'Pour chaque mise à disposition : heures par mois prévues par la convention (ou son dernier avenant signé) × nombre de mois de la mise à disposition compris dans la période, chaque mois comptant pour la part de ses jours couverts ; arrondi au dixième.',
      figures: [{ key: 'heures', label: 'Heures mises à disposition', value: round1(hours), unit: 'heures', href: link }],
      breakdowns: [],
    },
    {
      id: 'competences-satisfaction',
      action: '2.4',
      label: 'Satisfaction des agents et des structures',
      definition:
        'Enquête envoyée à l’agent et à la structure d’accueil à la fin de chaque convention (ou avenant) de mise à disposition ; sont comptées les conventions terminées dont la date de fin tombe dans la période. Note de 1 (pas du tout satisfait) à 5 (très satisfait) ; taux de réponse = réponses / enquêtes envoyées.',
      figures: [
        { key: 'moyenne-agents', label: 'Note moyenne des agents', value: average(agentSide.scores), unit: 'note sur 5' },
        { key: 'taux-agents', label: 'Taux de réponse des agents', value: percent(agentSide.scores.length, agentSide.sent), unit: '%' },
        { key: 'moyenne-structures', label: 'Note moyenne des structures', value: average(hostSide.scores), unit: 'note sur 5' },
        { key: 'taux-structures', label: 'Taux de réponse des structures', value: percent(hostSide.scores.length, hostSide.sent), unit: '%' },
        { key: 'envoyees', label: 'Enquêtes envoyées', value: agentSide.sent + hostSide.sent, unit: 'nombre', href: listHref('/conventions', context, { kind: 'COMPETENCE', status: 'COMPLETED' }) },
      ],
      breakdowns: [
        {
          id: 'competences-satisfaction-notes',
          title: 'Répartition des notes de satisfaction',
          columns: [{ label: 'Note' }, { label: 'Agents', unit: 'nombre' }, { label: 'Structures d’accueil', unit: 'nombre' }],
          rows: [1, 2, 3, 4, 5].map((score) => [
            `${score} sur 5`,
            agentSide.scores.filter((s) => s === score).length,
            hostSide.scores.filter((s) => s === score).length,
          ]),
          chart: { stacked: false, series: [1, 2] },
        },
      ],
    },
    {
      id: 'competences-bilan-annuel',
      action: '2.4',
      label: 'Bilan annuel de l’expérimentation (employeur)',
      definition:
        'Ce que la circulaire de l’expérimentation demande chaque année à l’employeur : agents mis à disposition par grade, objet de chaque mise à disposition (activités prévues), organisme d’accueil et renouvellement (avenant signé), organismes d’accueil et leurs missions. Aucun nom d’agent.',
      figures: [
        { key: 'mises-a-disposition', label: 'Mises à disposition', value: placements.length, unit: 'nombre', href: link },
        { key: 'renouvelees', label: 'Dont renouvelées ou modifiées par avenant', value: renewed.length, unit: 'nombre', href: link },
      ],
      breakdowns: [
        {
          id: 'competences-agents-par-grade',
          title: 'Agents mis à disposition par grade',
          columns: [{ label: 'Grade' }, { label: 'Agents', unit: 'nombre' }, { label: 'Mises à disposition renouvelées', unit: 'nombre' }],
          rows: [...byGrade.entries()]
            .sort(([a], [b]) => (a === NO_GRADE ? 1 : b === NO_GRADE ? -1 : a.localeCompare(b, 'fr')))
            .map(([grade, row]) => [grade, row.agents.size, row.renewed]),
          chart: { stacked: false, series: [1] },
        },
        {
          id: 'competences-mises-a-disposition',
          title: 'Mises à disposition de la période',
          columns: [
            { label: 'Référence' },
            { label: 'Grade de l’agent' },
            { label: 'Organisme d’accueil' },
            { label: 'Objet (activités)' },
            { label: 'Début' },
            { label: 'Fin' },
            { label: 'Heures par mois', unit: 'heures' },
            { label: 'Avenants signés', unit: 'nombre' },
          ],
          rows: placements.map(({ convention, current, signedAmendments }) => [
            convention.reference,
            convention.agent?.grade?.trim() || NO_GRADE,
            convention.need.organisationName,
            current.activities,
            current.start,
            current.end,
            current.hoursPerMonth,
            signedAmendments,
          ]),
        },
        {
          id: 'competences-organismes-accueil',
          title: 'Organismes d’accueil et leurs missions',
          columns: [{ label: 'Organisme d’accueil' }, { label: 'Commune' }, { label: 'Agents accueillis', unit: 'nombre' }, { label: 'Missions' }],
          rows: [...hosts.values()]
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
            .map((host) => [host.name, context.communes.get(host.communeCode)?.name ?? host.communeCode, host.agents.size, host.missions.join(' ; ')]),
        },
      ],
    },
  ];
}
