import { statusLabels } from '../../../matching/conventions/lifecycle';
import { KINDS, kindLabels, propertyTypeLabels, type Kind } from '../../lib/labels';
import { competencesIndicators } from './competences';
import { recordCommune } from './conventions';
import { lieuxIndicators } from './lieux';
import { dayOf, instantInPeriod, overlaps, referenceDayOf, yearPeriod } from './period';
import { plateformeIndicators } from './plateforme';
import { stagesIndicators } from './stages';
import { belongs, resolveTerritory } from './territory';
import type { Cell, Column, CommuneRow, Indicator, IndicatorContext, IndicatorRows, Period, Territory, TerritoryLevel } from './types';

export interface IndicatorFilters {
  /** Calendar year. */
  year: number;
  territory?: { level: TerritoryLevel; code: string };
  /** One kind of match, or all of them. */
  kind?: Kind;
}

/** One table, as exported (CSV, XLSX) and as shown beside a chart. */
export interface IndicatorTable {
  id: string;
  title: string;
  definition: string;
  columns: Column[];
  rows: Cell[][];
}

export interface IndicatorReport {
  filters: IndicatorFilters;
  period: Period;
  referenceDay: string;
  territory: Territory | null;
  kinds: Kind[];
  indicators: Indicator[];
  /** The conventions behind the indicators, without any person's name, email or birth date. */
  records: IndicatorTable;
}

/** The period, situation day and territory of the filters; throws AppError('VALIDATION') for an unknown territory. */
export function indicatorContext(communeRows: readonly CommuneRow[], filters: Pick<IndicatorFilters, 'year' | 'territory'>, today: string): IndicatorContext {
  const period = yearPeriod(filters.year);
  const communes = new Map(communeRows.map((commune) => [commune.code, commune]));
  const territory = filters.territory ? resolveTerritory(communeRows, filters.territory) : null;
  return {
    period,
    referenceDay: referenceDayOf(period, today),
    territory,
    communes,
    inTerritory: (code) => {
      if (!territory) return true;
      const commune = code === null ? undefined : communes.get(code);
      return commune !== undefined && belongs(commune, territory);
    },
  };
}

const ACTION_OF_KIND: Record<Kind, Indicator['action']> = { LIEU: '1.3', STAGE: '2.2', COMPETENCE: '2.4' };

/** Every indicator from plain rows: the pure core that computeIndicators feeds from the database. */
export function reportFromRows(rows: IndicatorRows, filters: IndicatorFilters, today: string): IndicatorReport {
  const context = indicatorContext(rows.communes, filters, today);
  const kinds = filters.kind ? [filters.kind] : [...KINDS];
  const actions = new Set(kinds.map((kind) => ACTION_OF_KIND[kind]));
  const indicators = [
    ...(actions.has('1.3') ? lieuxIndicators(rows.properties, rows.conventions, context) : []),
    ...(actions.has('2.2') ? stagesIndicators(rows.conventions, rows.pupils, rows.colleges, context) : []),
    ...(actions.has('2.4') ? competencesIndicators(rows.conventions, context) : []),
    ...plateformeIndicators(rows.needs, rows.matches, rows.conventions, kinds, context),
  ];
  return { filters, period: context.period, referenceDay: context.referenceDay, territory: context.territory, kinds, indicators, records: conventionRecords(rows, kinds, context) };
}

/** Every table of the report: each indicator's figures (its id), then each breakdown (its own id). */
export function indicatorTables(report: IndicatorReport): IndicatorTable[] {
  return report.indicators.flatMap((indicator) => [
    {
      id: indicator.id,
      title: indicator.label,
      definition: indicator.definition,
      columns: [{ label: 'Mesure' }, { label: 'Valeur' }, { label: 'Unité' }],
      rows: indicator.figures.map((figure) => [figure.label, figure.value, figure.unit]),
    },
    ...indicator.breakdowns.map((breakdown) => ({
      id: breakdown.id,
      title: breakdown.title,
      definition: indicator.definition,
      columns: breakdown.columns,
      rows: breakdown.rows,
    })),
  ]);
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'oui' : 'non');

/**
 * The conventions (and amendments) of the chosen kinds in the territory that run, were created or were signed
 * during the period: organisations, places and dates only.
 */
function conventionRecords(rows: IndicatorRows, kinds: readonly Kind[], context: IndicatorContext): IndicatorTable {
  const references = new Map(rows.conventions.map((convention) => [convention.id, convention.reference]));
  const properties = new Map(rows.properties.map((property) => [property.offerId, property]));
  const colleges = new Map(rows.colleges.map((college) => [college.id, college]));
  const selected = rows.conventions
    .filter(
      (convention) =>
        kinds.includes(convention.kind) &&
        context.inTerritory(recordCommune(convention)) &&
        (overlaps(convention.start, convention.end, context.period) ||
          instantInPeriod(convention.createdAt, context.period) ||
          instantInPeriod(convention.signedAt, context.period)),
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.reference.localeCompare(b.reference));
  return {
    id: 'records',
    title: 'Conventions de la période (anonymisées)',
    definition:
      'Conventions et avenants des types choisis, dans le territoire, en cours pendant la période, créés ou signés pendant la période. Sans nom, adresse électronique ni date de naissance de personne.',
    columns: [
      { label: 'Référence' },
      { label: 'Type' },
      { label: 'État' },
      { label: 'Avenant de' },
      { label: 'Créée le' },
      { label: 'Signée le' },
      { label: 'Début' },
      { label: 'Fin' },
      { label: 'Commune' },
      { label: 'Intercommunalité' },
      { label: 'Porteur du besoin' },
      { label: 'Offreur' },
      { label: 'Type de bien' },
      { label: 'Surface', unit: 'm²' },
      { label: 'Tiers-lieu' },
      { label: 'Grade de l’agent' },
      { label: 'Heures par mois', unit: 'heures' },
      { label: 'Accueil (stage)' },
      { label: 'Élève prioritaire ou collège REP/QPV' },
      { label: 'Notes de satisfaction' },
    ],
    rows: selected.map((convention) => {
      const commune = context.communes.get(recordCommune(convention));
      const property = convention.kind === 'LIEU' ? properties.get(convention.offer.id) : undefined;
      const college = convention.kind === 'STAGE' ? colleges.get(convention.need.organisationId) : undefined;
      return [
        convention.reference,
        kindLabels[convention.kind].singular,
        statusLabels[convention.status],
        convention.amendsId ? (references.get(convention.amendsId) ?? null) : null,
        dayOf(convention.createdAt),
        convention.signedAt ? dayOf(convention.signedAt) : null,
        convention.start,
        convention.end,
        commune?.name ?? recordCommune(convention),
        commune?.epciName ?? null,
        convention.need.organisationName,
        convention.offer.organisationName,
        property ? propertyTypeLabels[property.propertyType] : null,
        property?.surfaceM2 ?? null,
        convention.kind === 'LIEU' ? yesNo(convention.need.tiersLieu) : null,
        convention.kind === 'COMPETENCE' ? (convention.agent?.grade ?? null) : null,
        convention.kind === 'COMPETENCE' ? convention.hoursPerMonth : null,
        convention.need.mode === 'GROUP' ? 'en groupe' : convention.need.mode === 'INDIVIDUAL' ? 'individuel' : null,
        convention.kind === 'STAGE' ? yesNo(Boolean(convention.pupil?.priority || college?.rep || college?.repPlus || college?.qpv)) : null,
        convention.surveys.map((survey) => survey.score).join(', ') || null,
      ];
    }),
  };
}
