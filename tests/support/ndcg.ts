/**
 * Normalised discounted cumulative gain, the graded-relevance ranking measure of the matching evaluation
 * (Järvelin & Kekäläinen, 2002, in the exponential-gain form): the item at rank r (from 1) brings (2^g − 1) / log2(r + 1).
 */

function checkCutoff(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`rang de coupure invalide : ${k} (entier ≥ 1 attendu)`);
}

function gain(grade: number): number {
  if (!Number.isFinite(grade) || grade < 0) throw new RangeError(`note de pertinence invalide : ${grade}`);
  return 2 ** grade - 1;
}

/** DCG of the first k grades, in ranked order. */
export function dcgAtK(grades: readonly number[], k: number): number {
  checkCutoff(k);
  return grades.slice(0, k).reduce((sum, grade, index) => sum + gain(grade) / Math.log2(index + 2), 0);
}

/**
 * nDCG@k of a ranking against graded judgements; an unjudged item counts as irrelevant (grade 0). The ideal ranking
 * is the judged grades sorted from best to worst, cut at k, so the measure is 1 exactly when the k best judged items
 * come first in order of grade.
 *
 * A need without any positive judgement has no ideal ranking: rather than silently counting it as 0 or 1, which would
 * bias a mean, this throws; leave such needs out of the mean.
 */
export function ndcgAtK(ranked: readonly string[], grades: Readonly<Record<string, number>>, k: number): number {
  checkCutoff(k);
  const seen = new Set<string>();
  for (const id of ranked) {
    if (seen.has(id)) throw new RangeError(`élément classé deux fois : ${id}`);
    seen.add(id);
  }
  const ideal = dcgAtK(
    Object.values(grades).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) throw new RangeError('aucun élément jugé pertinent : nDCG non défini');
  return dcgAtK(
    ranked.map((id) => grades[id] ?? 0),
    k,
  ) / ideal;
}
