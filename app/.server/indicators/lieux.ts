import { formatDate, propertyTypeLabels } from '../../lib/labels';
import { isSigned, listHref, placementsDuring, placementsOn, publicationsHref } from './conventions';
import { dayOf, instantInPeriod } from './period';
import type { ConventionRow, Indicator, IndicatorContext, PropertyRow } from './types';

/** Action 1.3 — vacant council property made available to ESS structures (temporary occupation). */
export function lieuxIndicators(properties: readonly PropertyRow[], conventions: readonly ConventionRow[], context: IndicatorContext): Indicator[] {
  const propertyById = new Map(properties.map((property) => [property.offerId, property]));
  const occupations = placementsDuring(conventions, 'LIEU', context);
  const occupied = [...new Set(occupations.map((placement) => placement.convention.offer.id))].flatMap((id) => {
    const property = propertyById.get(id);
    return property ? [property] : [];
  });
  const ofType = (type: PropertyRow['propertyType']) => occupied.filter((property) => property.propertyType === type);
  const surface = (list: PropertyRow[]) => list.reduce((sum, property) => sum + property.surfaceM2, 0);
  const types = (['BUILDING', 'LAND', 'ROOFTOP'] as const).map((type) => ({ type, list: ofType(type) }));
  const buildings = ofType('BUILDING').length;
  const unbuilt = ofType('LAND').length + ofType('ROOFTOP').length;
  const occupationsLink = listHref('/conventions', context, { kind: 'LIEU' });

  const day = context.referenceDay;
  const signed = placementsOn(conventions, 'LIEU', day).filter(({ convention }) => context.inTerritory(convention.offer.communeCode));
  const underWay = signed.filter(({ current }) => current.start <= day && current.end >= day);
  const newTiersLieux = signed.filter(({ convention }) => convention.need.tiersLieu && instantInPeriod(convention.signedAt, context.period));

  const vacantStart = vacantOn(properties, conventions, context.period.from, context);
  const vacantEnd = vacantOn(properties, conventions, day, context);
  const startLabel = `Biens vacants au ${formatDate(context.period.from)}`;
  const endLabel = `Biens vacants au ${formatDate(day)}`;
  const vacancyLink = publicationsHref({ type: 'offre', kind: 'LIEU', status: 'PUBLISHED' });

  return [
    {
      id: 'lieux-mis-a-disposition',
      action: '1.3',
      label: 'Bâtiments et espaces non bâtis mis à disposition',
      definition:
        'Biens du Département occupés pendant la période au titre d’une convention d’occupation signée et non annulée (dates de l’avenant signé le plus récent). Un bien occupé par plusieurs conventions compte une fois. Les espaces non bâtis sont les terrains et les toitures.',
      figures: [
        { key: 'batiments', label: 'Bâtiments', value: buildings, unit: 'nombre', href: occupationsLink },
        { key: 'espaces-non-batis', label: 'Espaces non bâtis (terrains et toitures)', value: unbuilt, unit: 'nombre', href: occupationsLink },
      ],
      breakdowns: [
        {
          id: 'lieux-par-type',
          title: 'Biens mis à disposition par type',
          columns: [{ label: 'Type de bien' }, { label: 'Biens', unit: 'nombre' }, { label: 'Surface', unit: 'm²' }],
          rows: types.map(({ type, list }) => [propertyTypeLabels[type], list.length, surface(list)]),
          chart: { stacked: false, series: [1] },
        },
      ],
    },
    {
      id: 'lieux-surface',
      action: '1.3',
      label: 'Surface mise à disposition',
      definition: 'Somme des surfaces déclarées des biens mis à disposition pendant la période (voir l’indicateur précédent), toitures comprises.',
      figures: [{ key: 'surface', label: 'Surface', value: surface(occupied), unit: 'm²', href: occupationsLink }],
      breakdowns: [],
    },
    {
      id: 'lieux-occupations-en-cours',
      action: '1.3',
      label: 'Occupations en cours',
      definition: `Conventions d’occupation signées, non annulées, dont la période d’occupation comprend le ${formatDate(day)} (fin de la période, ou aujourd’hui si elle n’est pas terminée).`,
      figures: [{ key: 'en-cours', label: 'Occupations en cours', value: underWay.length, unit: 'nombre', href: listHref('/conventions', context, { kind: 'LIEU', status: 'IN_PROGRESS' }) }],
      breakdowns: [],
    },
    {
      id: 'lieux-tiers-lieux',
      action: '1.3',
      label: 'Nouveaux tiers-lieux',
      definition:
        'Conventions d’occupation signées pendant la période (hors avenants, non annulées) pour un besoin dont la structure a indiqué qu’il créerait un tiers-lieu.',
      figures: [{ key: 'tiers-lieux', label: 'Nouveaux tiers-lieux', value: newTiersLieux.length, unit: 'nombre', href: occupationsLink }],
      breakdowns: [],
    },
    {
      id: 'lieux-vacance',
      action: '1.3',
      label: 'Réduction de la vacance',
      definition:
        'Un bien est vacant un jour donné s’il est publié sur Passerelles ce jour-là (publié depuis, et toujours publié) sans qu’aucune convention d’occupation signée et non annulée ne couvre ce jour. La réduction est le nombre de biens vacants au début de la période moins ceux de la fin (négative si la vacance augmente).',
      figures: [
        { key: 'debut', label: startLabel, value: vacantStart, unit: 'nombre', href: vacancyLink },
        { key: 'fin', label: endLabel, value: vacantEnd, unit: 'nombre', href: vacancyLink },
        { key: 'reduction', label: 'Réduction de la vacance', value: vacantStart - vacantEnd, unit: 'nombre' },
      ],
      breakdowns: [
        {
          id: 'lieux-vacance-debut-fin',
          title: 'Biens vacants au début et à la fin de la période',
          columns: [{ label: 'Jour' }, { label: 'Biens vacants', unit: 'nombre' }],
          rows: [
            [formatDate(context.period.from), vacantStart],
            [formatDate(day), vacantEnd],
          ],
          chart: { stacked: false, series: [1] },
        },
      ],
    },
  ];
}

/** Properties published on that day and covered by no signed, uncancelled occupation convention. */
function vacantOn(properties: readonly PropertyRow[], conventions: readonly ConventionRow[], day: string, context: Pick<IndicatorContext, 'inTerritory'>): number {
  const covered = new Set(
    conventions
      .filter(
        (convention) =>
          convention.kind === 'LIEU' &&
          isSigned(convention) &&
          convention.signedAt !== null &&
          dayOf(convention.signedAt) <= day &&
          convention.start <= day &&
          convention.end >= day,
      )
      .map((convention) => convention.offer.id),
  );
  return properties.filter(
    (property) =>
      property.status === 'PUBLISHED' &&
      property.publishedAt !== null &&
      dayOf(property.publishedAt) <= day &&
      context.inTerritory(property.communeCode) &&
      !covered.has(property.offerId),
  ).length;
}
