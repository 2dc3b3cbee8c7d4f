import { CLOSE_FIT, FIT_SCALE } from '../../../matching/allocation';
import {
  eligibleForSkills,
  type HARD_CONSTRAINTS,
  internshipFits,
  periodsOverlap,
  propertyFits,
  sameKind,
  withinDistance,
} from '../../../matching/constraints';
import { EARTH_RADIUS_KM } from '../../../matching/geo';
import { FRESHNESS_HORIZON_DAYS, PRIORITY_BONUS, REMOTE_PROXIMITY, SCORE_WEIGHTS, UNDATED_FRESHNESS } from '../../../matching/scoring';
import type { Kind } from '../../../matching/types';
import { THESAURUS_KEY } from '../contents/published-contents';
import type { Services } from '../services';
import { CANDIDATE_POOL, TOP } from '../matching/suggestions';

/**
 * The rules of the two algorithmic treatments, as published on /transparence (CRPA art. L312-1-3). Every number is
 * read from the engine's own constants, and every hard constraint of the engine must be described here (a unit test
 * checks both), so the page cannot drift from the code.
 */

type Constraint = (typeof HARD_CONSTRAINTS)[number];

export interface ConstraintRule {
  check: Constraint;
  kinds: readonly Kind[];
  title: string;
  description: string;
}

const ALL_KINDS: readonly Kind[] = ['competence', 'lieu', 'stage'];

/** One entry per hard constraint of matching/constraints.ts, in the engine's order. */
export const CONSTRAINT_RULES: readonly ConstraintRule[] = [
  {
    check: sameKind,
    kinds: ALL_KINDS,
    title: 'Même type',
    description: 'L’offre et le besoin sont du même type : compétences, lieu ou stage de 3e.',
  },
  {
    check: eligibleForSkills,
    kinds: ['competence'],
    title: 'Structure éligible',
    description:
      'La structure qui demande une compétence est éligible à la mise à disposition d’agents du Département (organisme d’intérêt général, association reconnue d’utilité publique ou fondation), et cette éligibilité a été vérifiée par la Mission ESS (loi n° 2022-217 du 21 février 2022, art. 209).',
  },
  {
    check: withinDistance,
    kinds: ALL_KINDS,
    title: 'Distance',
    description:
      'La distance à vol d’oiseau entre les centres des deux communes ne dépasse pas la distance maximale indiquée dans le besoin. Pour une compétence, elle ne dépasse pas non plus le rayon de déplacement proposé par l’agent ; une compétence qui peut s’exercer à distance n’a pas de limite de distance.',
  },
  {
    check: periodsOverlap,
    kinds: ['competence', 'lieu'],
    title: 'Périodes',
    description:
      'Quand l’offre et le besoin indiquent chacun une période de disponibilité, ces périodes se recouvrent (une date absente ne limite pas).',
  },
  {
    check: propertyFits,
    kinds: ['lieu'],
    title: 'Bien adapté',
    description:
      'Le type de bien (bâtiment, terrain, toiture) fait partie des types recherchés, sa surface atteint la surface minimale demandée, et il est accessible aux personnes à mobilité réduite si le besoin l’exige.',
  },
  {
    check: internshipFits,
    kinds: ['stage'],
    title: 'Semaine et places',
    description:
      'La semaine demandée fait partie des semaines proposées. Un groupe qui part ensemble ne dépasse ni le nombre d’élèves accueillis ensemble ni les places de la semaine ; pour des élèves placés un par un, il reste au moins une place.',
  },
];

export const KIND_NAMES: Record<Kind, string> = {
  competence: 'Compétences d’agents du Département',
  lieu: 'Lieux vacants du Département',
  stage: 'Stages de 3e',
};

/** Plain data for the page: numbers as the engine has them, texts in French. */
export interface PublicRules {
  suggestion: {
    filters: { kind: Kind; name: string; rules: { title: string; description: string }[] }[];
    weights: { similarity: number; proximity: number; freshness: number };
    priorityBonus: number;
    remoteProximity: number;
    freshnessHorizonDays: number;
    undatedFreshness: number;
    shown: number;
    candidatePool: number;
  };
  allocation: { fitScale: number; closeFit: number };
  earthRadiusKm: number;
  textModel: string;
  thesaurus: { version: number; publishedAt: string | null };
}

/** What the page shows of the text model in use: never an address or a key. */
function textModelOf(services: Services): string {
  const config = services.env.embeddings;
  return config.kind === 'local'
    ? `représentation lexicale française calculée par Passerelles sur ses propres serveurs (mots, racines, fragments de 3 à 5 lettres et concepts du thésaurus), en ${config.dimensions} dimensions`
    : `modèle « ${config.model} » d’un service de représentation des textes compatible OpenAI configuré par le Département`;
}

/** The engine's side of the page: pure, read from the engine's constants. */
export function engineRules(): Omit<PublicRules, 'textModel' | 'thesaurus'> {
  return {
    suggestion: {
      filters: ALL_KINDS.map((kind) => ({
        kind,
        name: KIND_NAMES[kind],
        rules: CONSTRAINT_RULES.filter((rule) => rule.kinds.includes(kind)).map(({ title, description }) => ({ title, description })),
      })),
      weights: { ...SCORE_WEIGHTS },
      priorityBonus: PRIORITY_BONUS,
      remoteProximity: REMOTE_PROXIMITY,
      freshnessHorizonDays: FRESHNESS_HORIZON_DAYS,
      undatedFreshness: UNDATED_FRESHNESS,
      shown: TOP,
      candidatePool: CANDIDATE_POOL,
    },
    allocation: { fitScale: FIT_SCALE, closeFit: CLOSE_FIT },
    earthRadiusKm: EARTH_RADIUS_KM,
  };
}

export async function publicRules(services: Services): Promise<PublicRules> {
  const thesaurus = await services.prisma.publishedContent.findFirst({
    where: { kind: 'THESAURUS', key: THESAURUS_KEY },
    orderBy: { version: 'desc' },
    select: { version: true, publishedAt: true },
  });
  return {
    ...engineRules(),
    textModel: textModelOf(services),
    thesaurus: { version: thesaurus?.version ?? 0, publishedAt: thesaurus?.publishedAt.toISOString() ?? null },
  };
}
