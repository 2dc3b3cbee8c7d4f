/**
 * Where people ask for the rules of the algorithmic treatments applied to them (CRPA art. L311-3-1 and R311-3-1-1),
 * and where they turn when refused. The one place these addresses are written: the public page, the notice beside
 * each suggestion and allocation, and the individual reports all read them from here.
 */
export const MISSION_ESS_CONTACT = {
  email: 'mission.ess@gard.fr',
  postal: 'Département du Gard, Mission ESS, Hôtel du Département, 3 rue Guillemette, 30044 Nîmes Cedex 9',
} as const;

export const CADA = {
  name: 'Commission d’accès aux documents administratifs (CADA)',
  url: 'https://www.cada.fr',
  label: 'www.cada.fr',
} as const;

/** The public page publishing the rules (CRPA art. L312-1-3). */
export const TRANSPARENCY_PATH = '/transparence';
export const TRANSPARENCY_PAGE_TITLE = 'Comment fonctionnent les suggestions et l’affectation';

/** The two algorithmic treatments, and what each is for (the « finalité » the mention must state). */
export const TREATMENT_PURPOSES = {
  suggestion:
    'rapprocher les besoins des structures de l’ESS et des collèges des offres du Département et des structures (compétences d’agents, lieux vacants, stages de 3e) qui en respectent toutes les conditions, puis les classer par pertinence',
  allocation:
    'répartir les élèves de 3e d’un collège entre les stages d’observation proposés la semaine choisie, en plaçant d’abord les élèves sans réseau (QPV, REP, zones rurales), puis le plus d’élèves possible, au plus près de leurs centres d’intérêt',
} as const;

export type Treatment = keyof typeof TREATMENT_PURPOSES;

/** « 0,7 », « 0,125 »: a number as French writes it, at most `digits` decimals. */
export function decimalFr(value: number, digits = 3): string {
  return String(Number(value.toFixed(digits))).replace('.', ',');
}
