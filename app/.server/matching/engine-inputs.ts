import fs from 'node:fs';
import { cosine, sharedConcepts } from '../../../matching/local-embedder';
import type { Relatedness } from '../../../matching/rank';
import type { Thesaurus } from '../../../matching/thesaurus';
import { matchingText } from '../../../matching/scoring';
import type { Need, Offer, Place, Pupil } from '../../../matching/types';
import { COMMUNES_FILE, parseCommunes } from '../../../prisma/seed/communes';
import type { EmbeddingProvider } from '../embeddings/provider';

/** The Gard's communes as engine places, from the reference file shipped in the repository. */
export function gardPlaces(): Map<string, Place> {
  const communes = parseCommunes(fs.readFileSync(COMMUNES_FILE, 'utf8'));
  return new Map(communes.map((c) => [c.code, { code: c.code, name: c.name, lat: c.lat, lon: c.lon }]));
}

/** Embeds every item once, then answers similarity from the vectors and shared terms lexically. */
export async function embeddedRelatedness(
  provider: EmbeddingProvider,
  needs: Need[],
  offers: Offer[],
  thesaurus?: Thesaurus,
): Promise<Relatedness> {
  const texts = [...needs.map(matchingText), ...offers.map(matchingText)];
  const { vectors } = await provider.embed(texts);
  const needVectors = new Map(needs.map((need, i) => [need.id, vectors[i] ?? []]));
  const offerVectors = new Map(offers.map((offer, i) => [offer.id, vectors[needs.length + i] ?? []]));
  return {
    similarity: (need, offer) => cosine(needVectors.get(need.id) ?? [], offerVectors.get(offer.id) ?? []),
    sharedTerms: (need, offer) => sharedConcepts(matchingText(need), matchingText(offer), thesaurus),
  };
}

/** Interest fit of pupils to internship offers, in [0, 1]. */
export async function interestFit(provider: EmbeddingProvider, pupils: Pupil[], offers: Offer[]) {
  const { vectors } = await provider.embed([...pupils.map((p) => p.interests), ...offers.map(matchingText)]);
  const pupilVectors = new Map(pupils.map((pupil, i) => [pupil.id, vectors[i] ?? []]));
  const offerVectors = new Map(offers.map((offer, i) => [offer.id, vectors[pupils.length + i] ?? []]));
  return (pupil: Pupil, offer: Offer) =>
    Math.max(0, Math.min(1, cosine(pupilVectors.get(pupil.id) ?? [], offerVectors.get(offer.id) ?? [])));
}
