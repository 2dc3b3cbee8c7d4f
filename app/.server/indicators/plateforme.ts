import { kindLabels, type Kind } from '../../lib/labels';
import { listHref, matchCommune, publicationsHref, recordCommune } from './conventions';
import { daysBetween, instantInPeriod, median, round1 } from './period';
import type { ConventionRow, Indicator, IndicatorContext, MatchRow, NeedRow } from './types';

/** Days from a need's publication to its first signed convention, for needs whose first signature falls in the period. */
function delaysToSignature(conventions: readonly ConventionRow[], kinds: readonly Kind[], context: IndicatorContext): number[] {
  const first = new Map<string, ConventionRow>();
  for (const convention of conventions) {
    if (!kinds.includes(convention.kind) || convention.amendsId !== null || convention.signedAt === null || convention.need.publishedAt === null) continue;
    const known = first.get(convention.need.id);
    if (!known?.signedAt || convention.signedAt < known.signedAt) first.set(convention.need.id, convention);
  }
  return [...first.values()].flatMap((convention) =>
    convention.signedAt && convention.need.publishedAt && instantInPeriod(convention.signedAt, context.period) && context.inTerritory(recordCommune(convention))
      ? [daysBetween(convention.need.publishedAt, convention.signedAt)]
      : [],
  );
}

/** How the platform is used: needs posted, matches and their outcome, time to a signed convention. */
export function plateformeIndicators(
  needs: readonly NeedRow[],
  matches: readonly MatchRow[],
  conventions: readonly ConventionRow[],
  kinds: readonly Kind[],
  context: IndicatorContext,
): Indicator[] {
  const posted = needs.filter((need) => kinds.includes(need.kind) && instantInPeriod(need.publishedAt, context.period) && context.inTerritory(need.communeCode));
  const made = matches.filter((match) => kinds.includes(match.kind) && instantInPeriod(match.createdAt, context.period) && context.inTerritory(matchCommune(match)));
  const proposed = (list: MatchRow[]) => list.filter((match) => match.status !== 'SUGGESTED').length;
  const withStatus = (list: MatchRow[], status: MatchRow['status']) => list.filter((match) => match.status === status).length;
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  const matchesLink = (status?: string) => listHref('/mises-en-relation', context, { kind, status, dated: true });
  const delays = delaysToSignature(conventions, kinds, context);
  const middle = median(delays);

  return [
    {
      id: 'plateforme-besoins',
      action: 'plateforme',
      label: 'Besoins publiés',
      definition: 'Besoins des structures et des collèges publiés pendant la période (date de première publication ou de republication), quel que soit leur état aujourd’hui.',
      figures: [
        { key: 'total', label: 'Besoins publiés', value: posted.length, unit: 'nombre' },
        ...kinds.map((kind) => ({
          key: kind.toLowerCase(),
          label: `dont ${kindLabels[kind].plural.toLowerCase()}`,
          value: posted.filter((need) => need.kind === kind).length,
          unit: 'nombre' as const,
          href: publicationsHref({ type: 'besoin', kind }),
        })),
      ],
      breakdowns: [
        {
          id: 'plateforme-besoins-par-type',
          title: 'Besoins publiés par type',
          columns: [{ label: 'Type' }, { label: 'Besoins publiés', unit: 'nombre' }],
          rows: kinds.map((kind) => [kindLabels[kind].plural, posted.filter((need) => need.kind === kind).length]),
          chart: { stacked: false, series: [1] },
        },
      ],
    },
    {
      id: 'plateforme-mises-en-relation',
      action: 'plateforme',
      label: 'Mises en relation proposées, acceptées et refusées',
      definition:
        'Mises en relation créées pendant la période. Proposées : toutes sauf les simples suggestions auxquelles personne n’a donné suite. Acceptées et refusées : selon leur état aujourd’hui (acceptées par les deux parties, ou refusées).',
      figures: [
        { key: 'proposees', label: 'Proposées', value: proposed(made), unit: 'nombre', href: matchesLink() },
        { key: 'acceptees', label: 'Acceptées', value: withStatus(made, 'ACCEPTED'), unit: 'nombre', href: matchesLink('ACCEPTED') },
        { key: 'refusees', label: 'Refusées', value: withStatus(made, 'DECLINED'), unit: 'nombre', href: matchesLink('DECLINED') },
      ],
      breakdowns: [
        {
          id: 'plateforme-mises-en-relation-par-type',
          title: 'Mises en relation par type',
          columns: [{ label: 'Type' }, { label: 'Proposées', unit: 'nombre' }, { label: 'Acceptées', unit: 'nombre' }, { label: 'Refusées', unit: 'nombre' }],
          rows: kinds.map((kind) => {
            const ofKind = made.filter((match) => match.kind === kind);
            return [kindLabels[kind].plural, proposed(ofKind), withStatus(ofKind, 'ACCEPTED'), withStatus(ofKind, 'DECLINED')];
          }),
          chart: { stacked: false, series: [1, 2, 3] },
        },
      ],
    },
    {
      id: 'plateforme-delai-signature',
      action: 'plateforme',
      label: 'Délai médian entre le besoin et la convention signée',
      definition:
        'Pour chaque besoin dont la première convention (hors avenant) a été signée pendant la période : jours écoulés entre la publication du besoin et cette signature. Valeur médiane, arrondie au dixième de jour.',
      figures: [
        { key: 'mediane', label: 'Délai médian', value: middle === null ? null : round1(middle), unit: 'jours' },
        { key: 'besoins', label: 'Besoins ayant abouti à une convention signée', value: delays.length, unit: 'nombre' },
      ],
      breakdowns: [],
    },
  ];
}
