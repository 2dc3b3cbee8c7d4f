import { listHref } from './conventions';
import { dayInPeriod, dayOf, percent } from './period';
import type { CollegeRow, ConventionRow, Indicator, IndicatorContext, PupilRow } from './types';

const NOT_PLACED: readonly ConventionRow['status'][] = ['CANCELLED', 'REJECTED'];

interface Placement {
  /** The pupil, or the convention when the pupil's record is gone. */
  key: string;
  collegeId: string;
  convention: ConventionRow;
}

/**
 * Stage conventions of the period: amendments aside, neither cancelled nor refused, whose week starts in the period,
 * for a collège of the territory.
 */
const stageConventions = (conventions: readonly ConventionRow[], context: IndicatorContext): ConventionRow[] =>
  conventions.filter(
    (convention) =>
      convention.kind === 'STAGE' &&
      convention.amendsId === null &&
      !NOT_PLACED.includes(convention.status) &&
      dayInPeriod(convention.start, context.period) &&
      context.inTerritory(convention.need.communeCode),
  );

/** One placement per pupil (the first convention), or per convention when the pupil's record is gone. */
function placementsOf(conventions: readonly ConventionRow[]): Placement[] {
  const placements = new Map<string, Placement>();
  for (const convention of conventions) {
    const key = convention.pupil?.id ?? `convention:${convention.id}`;
    if (!placements.has(key)) placements.set(key, { key, collegeId: convention.need.organisationId, convention });
  }
  return [...placements.values()];
}

const isPriorityCollege = (college: CollegeRow | undefined) => Boolean(college && (college.rep || college.repPlus || college.qpv));

/** Action 2.2 — observation stages for 3e pupils in ESS structures. */
export function stagesIndicators(conventions: readonly ConventionRow[], pupils: readonly PupilRow[], colleges: readonly CollegeRow[], context: IndicatorContext): Indicator[] {
  const stages = stageConventions(conventions, context);
  const placements = placementsOf(stages);
  const collegeById = new Map(colleges.map((college) => [college.id, college]));
  const link = listHref('/conventions', context, { kind: 'STAGE', dated: true });
  const individual = placements.filter(({ convention }) => convention.need.mode === 'INDIVIDUAL').length;
  const grouped = placements.filter(({ convention }) => convention.need.mode === 'GROUP').length;
  const hosts = new Set(stages.map((convention) => convention.offer.organisationId ?? `offre:${convention.offer.id}`));

  const registered = pupils.filter(
    (pupil) =>
      dayOf(pupil.createdAt) <= context.period.to && (pupil.anonymisedAt === null || dayOf(pupil.anonymisedAt) >= context.period.from),
  );
  const placedKeys = new Set(placements.map((placement) => placement.key));
  const collegesShown = colleges
    .filter((college) => context.inTerritory(college.communeCode))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const perCollege = collegesShown.map((college) => {
    const own = registered.filter((pupil) => pupil.collegeId === college.id);
    return {
      college,
      registered: own.length,
      placed: placements.filter((placement) => placement.collegeId === college.id).length,
      unplaced: own.filter((pupil) => !placedKeys.has(pupil.id)).length,
    };
  });
  const sum = (pick: (row: (typeof perCollege)[number]) => number) => perCollege.reduce((total, row) => total + pick(row), 0);

  const priority = placements.filter(({ convention, collegeId }) => convention.pupil?.priority || isPriorityCollege(collegeById.get(collegeId))).length;
  const rural = placements.filter(({ collegeId }) => {
    const code = collegeById.get(collegeId)?.communeCode;
    return code ? context.communes.get(code)?.frr === true : false;
  }).length;

  const byEpci = new Map<string, number>();
  for (const { collegeId } of placements) {
    const code = collegeById.get(collegeId)?.communeCode;
    const epci = (code ? context.communes.get(code)?.epciName : null) ?? 'EPCI inconnu';
    byEpci.set(epci, (byEpci.get(epci) ?? 0) + 1);
  }

  return [
    {
      id: 'stages-eleves-accueillis',
      action: '2.2',
      label: 'Élèves accueillis en stage, seuls ou en groupe',
      definition:
        'Élèves de 3e ayant une convention de stage (hors avenant) ni annulée ni refusée dont la semaine commence pendant la période, selon que le collège a demandé un accueil individuel ou en groupe. Un élève compte une fois.',
      figures: [
        { key: 'individuels', label: 'Stagiaires accueillis individuellement', value: individual, unit: 'nombre', href: link },
        { key: 'groupes', label: 'Stagiaires accueillis en groupe', value: grouped, unit: 'nombre', href: link },
        { key: 'total', label: 'Élèves placés', value: placements.length, unit: 'nombre', href: link },
      ],
      breakdowns: [],
    },
    {
      id: 'stages-structures-accueil',
      action: '2.2',
      label: 'Structures d’accueil',
      definition: 'Structures de l’ESS distinctes accueillant au moins un stage de la période (convention ni annulée ni refusée, semaine commençant dans la période).',
      figures: [{ key: 'structures', label: 'Structures d’accueil', value: hosts.size, unit: 'nombre', href: link }],
      breakdowns: [],
    },
    {
      id: 'stages-colleges',
      action: '2.2',
      label: 'Élèves placés et encore sans stage, par collège',
      definition:
        'Élèves inscrits : élèves de 3e enregistrés par le collège au plus tard le dernier jour de la période (hors élèves anonymisés avant la période). Placés : élèves placés pendant la période. Sans stage : élèves inscrits qui ne sont pas placés.',
      figures: [
        { key: 'inscrits', label: 'Élèves inscrits', value: sum((row) => row.registered), unit: 'nombre' },
        { key: 'places', label: 'Élèves placés', value: sum((row) => row.placed), unit: 'nombre', href: link },
        { key: 'sans-stage', label: 'Élèves encore sans stage', value: sum((row) => row.unplaced), unit: 'nombre' },
      ],
      breakdowns: [
        {
          id: 'stages-par-college',
          title: 'Élèves placés et sans stage par collège',
          columns: [{ label: 'Collège' }, { label: 'Placés', unit: 'nombre' }, { label: 'Sans stage', unit: 'nombre' }, { label: 'Inscrits', unit: 'nombre' }],
          rows: perCollege.map((row) => [row.college.name, row.placed, row.unplaced, row.registered]),
          chart: { stacked: true, series: [1, 2] },
        },
      ],
    },
    {
      id: 'stages-part-prioritaires',
      action: '2.2',
      label: 'Part des placements d’élèves de QPV ou de REP',
      definition:
        'Part des élèves placés qui sont scolarisés dans un collège REP, REP+ ou situé en quartier prioritaire (QPV), ou que leur collège a signalés comme prioritaires (élèves sans réseau).',
      figures: [
        { key: 'nombre', label: 'Élèves placés de QPV ou de REP', value: priority, unit: 'nombre', href: link },
        { key: 'part', label: 'Part des placements', value: percent(priority, placements.length), unit: '%' },
      ],
      breakdowns: [],
    },
    {
      id: 'stages-part-frr',
      action: '2.2',
      label: 'Part des placements d’élèves de collèges ruraux (FRR)',
      definition: 'Part des élèves placés dont le collège est situé dans une commune classée France Ruralités Revitalisation (FRR ou FRR+).',
      figures: [
        { key: 'nombre', label: 'Élèves placés de collèges en zone FRR', value: rural, unit: 'nombre', href: link },
        { key: 'part', label: 'Part des placements', value: percent(rural, placements.length), unit: '%' },
      ],
      breakdowns: [],
    },
    {
      id: 'stages-par-territoire',
      action: '2.2',
      label: 'Répartition des placements par territoire',
      definition: 'Élèves placés pendant la période, selon l’intercommunalité (EPCI) de la commune de leur collège.',
      figures: [{ key: 'epci', label: 'Intercommunalités concernées', value: byEpci.size, unit: 'nombre' }],
      breakdowns: [
        {
          id: 'stages-placements-par-epci',
          title: 'Élèves placés par intercommunalité du collège',
          columns: [{ label: 'Intercommunalité' }, { label: 'Élèves placés', unit: 'nombre' }],
          rows: [...byEpci.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'fr')).map(([epci, count]) => [epci, count]),
          chart: { stacked: false, series: [1] },
        },
      ],
    },
  ];
}
