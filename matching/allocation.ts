import { EARTH_RADIUS_KM, haversineKm } from './geo';
import type { IsoWeek, Offer, Pupil } from './types';
import { formatWeekFr, isIsoWeek } from './weeks';

/**
 * Places a cohort of 3e pupils into one-week internships (stages d'observation). Exact for the lexicographic
 * objective: priority pupils placed, then pupils placed, then first wishes, second wishes…, then interest fit.
 * Algorithm, proof and fairness properties: docs/decisions/005-cohort-allocation.md.
 */

export interface AllocationInput {
  offers: Offer[];
  pupils: Pupil[];
  /** Interest similarity in [0, 1], computed by the caller. */
  interestFit: (pupil: Pupil, offer: Offer) => number;
}

export interface AllocationStats {
  pupils: number;
  placed: number;
  priorityPupils: number;
  priorityPlaced: number;
  wishesHonoured: { firstChoice: number; anyWish: number };
}

export interface AllocationResult {
  /** Offer id per pupil id, null when the pupil could not be placed. */
  assignments: Record<string, string | null>;
  /** Plain-French explanation per pupil id. */
  reasons: Record<string, string[]>;
  stats: AllocationStats;
}

/** Interest fit is optimised in thousandths, so every cost is an integer and every comparison exact. */
export const FIT_SCALE = 1000;
/** From this fit on, the explanation says the interests are close. */
export const CLOSE_FIT = 500;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// One week's instance: the feasible pupil–offer pairs.

/**
 * Pupils and offers in id order; feasible pairs ("edges") grouped by pupil, best first: wishes by rank, then the
 * other offers by decreasing fit, then by offer id. The solver relies on this order to stop scanning early.
 */
interface WeekGraph {
  pupils: Pupil[];
  offers: Offer[];
  capacity: Int32Array;
  /** Edges of pupil p are edgeStart[p] … edgeStart[p + 1] - 1. */
  edgeStart: Int32Array;
  edgeOffer: Int32Array;
  /** Rank of the offer in the pupil's wishes, 1 = first wish, 0 = not a wish. */
  edgeRank: Int32Array;
  /** Interest fit in thousandths. */
  edgeFit: Int32Array;
}

/** Offer id → rank (1 = first), repeated wishes counting once. */
function wishRanks(pupil: Pupil): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const id of pupil.wishes ?? []) if (!ranks.has(id)) ranks.set(id, ranks.size + 1);
  return ranks;
}

/** The fit the objective counts: clamped to [0, 1], in thousandths. */
export function quantizedFit(fit: number): number {
  return Number.isFinite(fit) ? Math.round(Math.min(1, Math.max(0, fit)) * FIT_SCALE) : 0;
}

/** First index whose latitude is >= lat. */
function lowerBound(sorted: Float64Array, lat: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const RAD = Math.PI / 180;
/** Guards the bands against rounding: a thousandth of a millimetre, in degrees. */
const BAND_SLACK = 1e-11;

/**
 * Half-widths, in degrees, of a latitude–longitude box that holds every point within `km`. With the haversine
 * formula hav(d/R) = hav(Δφ) + cos φ1 cos φ2 hav(Δλ): d >= R·|Δφ|, and hav(d/R) >= cos φ1 cos φ2 hav(Δλ) where
 * cos φ2 >= cos(|φ1| + km/R) inside the latitude band. Near a pole, or for huge distances, longitude is not bounded.
 */
function searchBox(lat: number, km: number): { lat: number; lon: number } {
  const angle = km / EARTH_RADIUS_KM;
  const farthest = Math.abs(lat * RAD) + angle;
  if (angle >= Math.PI || farthest >= Math.PI / 2) return { lat: angle / RAD + BAND_SLACK, lon: Infinity };
  const ratio = Math.sin(angle / 2) ** 2 / (Math.cos(lat * RAD) * Math.cos(farthest));
  return { lat: angle / RAD + BAND_SLACK, lon: ratio >= 1 ? Infinity : (2 * Math.asin(Math.sqrt(ratio))) / RAD + BAND_SLACK };
}

const lonGap = (a: number, b: number) => {
  const gap = Math.abs(a - b) % 360;
  return gap > 180 ? 360 - gap : gap;
};

function buildWeek(pupils: Pupil[], offers: Offer[], interestFit: AllocationInput['interestFit']): WeekGraph {
  const byLat = Int32Array.from(offers, (_, o) => o).sort((a, b) => offers[a]!.place.lat - offers[b]!.place.lat || a - b);
  const lats = Float64Array.from(byLat, (o) => offers[o]!.place.lat);
  const lons = Float64Array.from(byLat, (o) => offers[o]!.place.lon);
  const edgeStart = new Int32Array(pupils.length + 1);
  const edgeOffer: number[] = [];
  const edgeRank: number[] = [];
  const edgeFit: number[] = [];
  // Per-offer scratch for the pupil at hand.
  const feasible = new Int32Array(offers.length);
  const rankOf = new Int32Array(offers.length);
  const fitOf = new Int32Array(offers.length);
  const wishOrder = (o: number) => (rankOf[o] === 0 ? Infinity : rankOf[o]!);
  const bestFirst = (a: number, b: number) => wishOrder(a) - wishOrder(b) || fitOf[b]! - fitOf[a]! || a - b;
  pupils.forEach((pupil, p) => {
    const { lat, lon } = pupil.place;
    const box = searchBox(lat, pupil.maxDistanceKm);
    const ranks = wishRanks(pupil);
    let count = 0;
    for (let i = lowerBound(lats, lat - box.lat); i < byLat.length && lats[i]! <= lat + box.lat; i++) {
      if (lonGap(lons[i]!, lon) > box.lon) continue;
      const o = byLat[i]!;
      const offer = offers[o]!;
      if (haversineKm(pupil.place, offer.place) > pupil.maxDistanceKm) continue;
      feasible[count++] = o;
      rankOf[o] = ranks.get(offer.id) ?? 0;
      fitOf[o] = quantizedFit(interestFit(pupil, offer));
    }
    for (const o of feasible.subarray(0, count).sort(bestFirst)) {
      edgeOffer.push(o);
      edgeRank.push(rankOf[o]!);
      edgeFit.push(fitOf[o]!);
    }
    edgeStart[p + 1] = edgeOffer.length;
  });
  return {
    pupils,
    offers,
    capacity: Int32Array.from(offers, (offer) => Math.max(0, Math.floor(offer.capacity ?? 0))),
    edgeStart,
    edgeOffer: Int32Array.from(edgeOffer),
    edgeRank: Int32Array.from(edgeRank),
    edgeFit: Int32Array.from(edgeFit),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Exact solver: min-cost flow source → pupil → offer → sink, with a "left out" edge pupil → sink of gain zero.
// Costs are integer vectors compared lexicographically (priority, placed, wish rank 1…K, fit), so no weight can
// overflow. Pupils enter one at a time along a shortest augmenting path (Dijkstra on reduced costs, stopped at the
// sink); the potentials keep every residual reduced cost >= 0, which certifies optimality after each insertion.
// Offer potentials start at 0 and only decrease, so π(o) <= 0: with edges best first, gain(q, e) bounds
// π(o) + gain(q, o) for every later edge e of an entering pupil q, and its scans stop early.

const SINK = 0;

class WeekSolver {
  private readonly pupilCount: number;
  /** Vector length: priority, placed, one count per wish rank, fit. */
  private readonly dims: number;
  private readonly priority: Uint8Array;
  private readonly edgePupil: Int32Array;
  /** Node potentials and tentative distances, `dims` numbers per node; the sink's potential stays 0. */
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly reached: Int32Array;
  private readonly settled: Int32Array;
  /** Offer node: the edge it was reached by. Pupil node or sink: the previous node. */
  private readonly pred: Int32Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private readonly settledNodes: number[] = [];
  private readonly candidate: Float64Array;
  private readonly base: Float64Array;
  /** Assigned edge per pupil, -1 when left out. */
  private readonly assigned: Int32Array;
  private readonly load: Int32Array;
  private readonly occupants: number[][];

  constructor(private readonly graph: WeekGraph) {
    const pupils = graph.pupils.length;
    const nodes = 1 + pupils + graph.offers.length;
    this.pupilCount = pupils;
    this.dims = 3 + graph.edgeRank.reduce((max, rank) => Math.max(max, rank), 0);
    this.priority = Uint8Array.from(graph.pupils, (pupil) => (pupil.priority ? 1 : 0));
    this.edgePupil = new Int32Array(graph.edgeOffer.length);
    for (let p = 0; p < pupils; p++) this.edgePupil.fill(p, graph.edgeStart[p]!, graph.edgeStart[p + 1]!);
    this.potential = new Float64Array(nodes * this.dims);
    this.dist = new Float64Array(nodes * this.dims);
    this.reached = new Int32Array(nodes).fill(-1);
    this.settled = new Int32Array(nodes).fill(-1);
    this.pred = new Int32Array(nodes);
    this.heap = new Int32Array(nodes);
    this.heapPos = new Int32Array(nodes);
    this.candidate = new Float64Array(this.dims);
    this.base = new Float64Array(this.dims);
    this.assigned = new Int32Array(pupils).fill(-1);
    this.load = new Int32Array(graph.offers.length);
    this.occupants = graph.offers.map(() => []);
  }

  /** Pupils enter in id order, which decides between optimal assignments of equal value. */
  solve(): Int32Array {
    for (let q = 0; q < this.pupilCount; q++) this.insert(q);
    return this.assigned;
  }

  private isOffer(node: number): boolean {
    return node > this.pupilCount;
  }

  private insert(q: number): void {
    const { dims, dist, potential } = this;
    const node = 1 + q;
    this.raisePotential(q);
    if (this.placeDirectly(q)) return;
    dist.fill(0, node * dims, node * dims + dims);
    this.reached[node] = q;
    this.heapSize = 0;
    this.settledNodes.length = 0;
    this.push(node);
    for (;;) {
      const u = this.pop();
      this.settled[u] = q;
      this.settledNodes.push(u);
      if (u === SINK) break;
      if (this.isOffer(u)) this.scanOffer(u, q);
      else this.scanPupil(u, q);
    }
    this.augment(node);
    // Settled nodes move by dist - dist(sink) <= 0; the others keep their potential (see the decision record).
    const sink = SINK * dims;
    for (const v of this.settledNodes) {
      for (let k = 0; k < dims; k++) potential[v * dims + k]! += dist[v * dims + k]! - dist[sink + k]!;
    }
  }

  /** The largest π(o) + gain(q, o), and at least π(sink) = 0: every edge out of q gets a reduced cost >= 0. */
  private raisePotential(q: number): void {
    const { dims, potential, candidate, graph } = this;
    const at = (1 + q) * dims;
    potential.fill(0, at, at + dims);
    for (let e = graph.edgeStart[q]!; e < graph.edgeStart[q + 1]!; e++) {
      candidate.fill(0);
      this.addGain(e, 1);
      if (!lexLess(potential, at, candidate, 0, dims)) break;
      const o = 1 + this.pupilCount + graph.edgeOffer[e]!;
      for (let k = 0; k < dims; k++) candidate[k]! += potential[o * dims + k]!;
      if (lexLess(potential, at, candidate, 0, dims)) potential.set(candidate, at);
    }
  }

  /**
   * The common case, without a search: an offer with a free seat whose edge from q has reduced cost 0 gives a path
   * of cost 0 (free offers have potential 0), the least possible; nothing settled moves, so potentials stay as they are.
   */
  private placeDirectly(q: number): boolean {
    const { dims, potential, candidate, graph } = this;
    const at = (1 + q) * dims;
    for (let e = graph.edgeStart[q]!; e < graph.edgeStart[q + 1]!; e++) {
      const o = graph.edgeOffer[e]!;
      candidate.fill(0);
      this.addGain(e, 1);
      if (lexLess(candidate, 0, potential, at, dims)) break;
      if (this.load[o]! >= graph.capacity[o]! || !lexEqual(potential, at, candidate, 0, dims)) continue;
      this.assigned[q] = e;
      this.load[o]!++;
      this.occupants[o]!.push(q);
      return true;
    }
    return false;
  }

  /** candidate += sign × gain of edge e. */
  private addGain(e: number, sign: number): void {
    const { candidate, graph } = this;
    const rank = graph.edgeRank[e]!;
    candidate[0]! += sign * this.priority[this.edgePupil[e]!]!;
    candidate[1]! += sign;
    if (rank > 0) candidate[1 + rank]! += sign;
    candidate[this.dims - 1]! += sign * graph.edgeFit[e]!;
  }

  /** base = dist(u) + π(u), shared by the reduced costs of every edge out of u. */
  private setBase(u: number): void {
    const { dims, dist, potential, base } = this;
    for (let k = 0; k < dims; k++) base[k] = dist[u * dims + k]! + potential[u * dims + k]!;
  }

  /** candidate = base - π(v): dist(u) plus the reduced cost of u → v, before the edge's own cost. */
  private startCandidate(v: number): void {
    const { dims, potential, candidate, base } = this;
    for (let k = 0; k < dims; k++) candidate[k] = base[k]! - potential[v * dims + k]!;
  }

  private scanPupil(u: number, round: number): void {
    const p = u - 1;
    const { graph } = this;
    this.setBase(u);
    // Relaxed first: at equal cost, the entering pupil stays out rather than unseat someone.
    this.startCandidate(SINK);
    this.relax(SINK, u, round);
    for (let e = graph.edgeStart[p]!; e < graph.edgeStart[p + 1]!; e++) {
      const v = 1 + this.pupilCount + graph.edgeOffer[e]!;
      if (e === this.assigned[p] || this.settled[v] === round) continue;
      this.startCandidate(v);
      this.addGain(e, -1);
      this.relax(v, e, round);
    }
  }

  private scanOffer(u: number, round: number): void {
    const o = u - 1 - this.pupilCount;
    this.setBase(u);
    if (this.load[o]! < this.graph.capacity[o]!) {
      this.startCandidate(SINK);
      this.relax(SINK, u, round);
    }
    for (const p of this.occupants[o]!) {
      const v = 1 + p;
      if (this.settled[v] === round) continue;
      this.startCandidate(v);
      this.addGain(this.assigned[p]!, 1);
      this.relax(v, u, round);
    }
  }

  private relax(v: number, from: number, round: number): void {
    const { dims, dist, candidate } = this;
    const known = this.reached[v] === round;
    if (known && !lexLess(candidate, 0, dist, v * dims, dims)) return;
    // A node no nearer than the sink's tentative distance cannot be settled before it: no need to queue it.
    if (v !== SINK && this.reached[SINK] === round && !lexLess(candidate, 0, dist, SINK * dims, dims)) return;
    dist.set(candidate, v * dims);
    this.pred[v] = from;
    if (known) {
      this.siftUp(this.heapPos[v]!);
    } else {
      this.reached[v] = round;
      this.push(v);
    }
  }

  private previous(node: number): number {
    return this.isOffer(node) ? 1 + this.edgePupil[this.pred[node]!]! : this.pred[node]!;
  }

  /** Applies the shortest path start → sink: each pupil on it moves to the next offer, or out. */
  private augment(start: number): void {
    const path = [SINK];
    for (let node = SINK; node !== start;) path.push((node = this.previous(node)));
    path.reverse();
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i]!;
      const b = path[i + 1]!;
      if (this.isOffer(a)) {
        const o = a - 1 - this.pupilCount;
        if (b === SINK) this.load[o]!++;
        else this.occupants[o]!.splice(this.occupants[o]!.indexOf(b - 1), 1);
      } else if (b === SINK) {
        this.assigned[a - 1] = -1;
      } else {
        this.assigned[a - 1] = this.pred[b]!;
        this.occupants[b - 1 - this.pupilCount]!.push(a - 1);
      }
    }
  }

  // Binary heap of nodes by distance, then node index (the sink, index 0, wins ties: the search stops early).

  private before(a: number, b: number): boolean {
    const { dims, dist } = this;
    for (let k = 0; k < dims; k++) {
      const x = dist[a * dims + k]!;
      const y = dist[b * dims + k]!;
      if (x !== y) return x < y;
    }
    return a < b;
  }

  private push(node: number): void {
    this.heap[this.heapSize] = node;
    this.heapPos[node] = this.heapSize;
    this.siftUp(this.heapSize++);
  }

  private pop(): number {
    if (this.heapSize === 0) throw new Error('allocation : invariant rompu, le puits est inatteignable');
    const top = this.heap[0]!;
    const last = this.heap[--this.heapSize]!;
    if (this.heapSize > 0) {
      this.heap[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    const { heap, heapPos } = this;
    const node = heap[index]!;
    while (index > 0) {
      const parent = (index - 1) >>> 1;
      const above = heap[parent]!;
      if (!this.before(node, above)) break;
      heap[index] = above;
      heapPos[above] = index;
      index = parent;
    }
    heap[index] = node;
    heapPos[node] = index;
  }

  private siftDown(index: number): void {
    const { heap, heapPos } = this;
    const node = heap[index]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= this.heapSize) break;
      if (child + 1 < this.heapSize && this.before(heap[child + 1]!, heap[child]!)) child++;
      const below = heap[child]!;
      if (!this.before(below, node)) break;
      heap[index] = below;
      heapPos[below] = index;
      index = child;
    }
    heap[index] = node;
    heapPos[node] = index;
  }
}

function lexEqual(a: Float64Array, at: number, b: Float64Array, bt: number, dims: number): boolean {
  for (let k = 0; k < dims; k++) if (a[at + k] !== b[bt + k]) return false;
  return true;
}

function lexLess(a: Float64Array, at: number, b: Float64Array, bt: number, dims: number): boolean {
  for (let k = 0; k < dims; k++) {
    const x = a[at + k]!;
    const y = b[bt + k]!;
    if (x !== y) return x < y;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Explanations.

/** What the explanations need to know about one solved week. */
interface SolvedWeek {
  label: string;
  graph: WeekGraph;
  assigned: Int32Array;
  offerIndex: Map<string, number>;
  priorityLoad: Int32Array;
}

const ordinal = (rank: number) => (rank === 1 ? '1er' : `${rank}e`);
const decimalFr = (n: number) => String(n).replace('.', ',');
const kmFr = (km: number) => (km < 1 ? 'à moins de 1 km' : `à ${Math.round(km)} km`);
/** Rounded up to 100 m, so a distance just over the limit never reads as equal to it. */
const tooFarFr = (km: number) => `${decimalFr(Math.ceil(km * 10) / 10)} km`;
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

function seatsTakenFr(week: SolvedWeek, o: number): string {
  const seats = week.graph.capacity[o]!;
  const priority = week.priorityLoad[o]!;
  if (seats === 1) return `sa place est prise${priority ? ' par un(e) élève prioritaire' : ''}`;
  const taken = `ses ${seats} places sont prises`;
  if (priority === 0) return taken;
  if (priority === seats) return `${taken} par des élèves prioritaires`;
  return `${taken}, dont ${priority === 1 ? '1 par un(e) élève prioritaire' : `${priority} par des élèves prioritaires`}`;
}

/** « 3 places, dont 2 données en priorité à des élèves sans réseau ». */
function seatsFr(seats: number, priority: number): string {
  if (seats === 0) return 'aucune place';
  if (priority === 0) return plural(seats, 'place');
  if (priority === seats) {
    return seats === 1
      ? '1 place, donnée en priorité à un(e) élève sans réseau'
      : `${seats} places, toutes données en priorité à des élèves sans réseau`;
  }
  const some =
    priority === 1
      ? '1 donnée en priorité à un(e) élève sans réseau'
      : `${priority} données en priorité à des élèves sans réseau`;
  return `${plural(seats, 'place')}, dont ${some}`;
}

/**
 * « 1er vœu « X » complet (…) »: why a wish was not honoured. By optimality, a wish that is feasible and better than
 * the one given is full: otherwise moving there would honour a better rank at no cost to anyone.
 */
function wishRefusalFr(pupil: Pupil, rank: number, wishId: string, week: SolvedWeek, offersById: Map<string, Offer>): string {
  const offer = offersById.get(wishId);
  const wish = `${ordinal(rank)} vœu « ${offer?.title ?? wishId} »`;
  if (!offer) return `${wish} inconnu (aucune offre de stage ne porte cet identifiant)`;
  const o = week.offerIndex.get(wishId);
  if (o === undefined) return `${wish} pas proposé cette semaine`;
  const km = haversineKm(pupil.place, offer.place);
  if (km > pupil.maxDistanceKm) return `${wish} trop loin (${tooFarFr(km)}, pour ${decimalFr(pupil.maxDistanceKm)} km au plus)`;
  if (week.graph.capacity[o] === 0) return `${wish} sans place cette semaine`;
  return `${wish} complet (${seatsTakenFr(week, o)})`;
}

function wishReasons(pupil: Pupil, rank: number, week: SolvedWeek, offersById: Map<string, Offer>): string[] {
  const wishes = [...wishRanks(pupil).keys()];
  const refusals = (count: number) => wishes.slice(0, count).map((id, i) => wishRefusalFr(pupil, i + 1, id, week, offersById));
  if (wishes.length === 0) return [];
  if (rank === 0) return [`aucun vœu possible : ${refusals(wishes.length).join(' ; ')}`];
  return [`${ordinal(rank)} vœu respecté`, ...refusals(rank - 1)];
}

function unplacedReasonFr(pupil: Pupil, p: number, week: SolvedWeek): string[] {
  const { graph } = week;
  if (graph.offers.length === 0) return [`Non placé(e) : aucune offre la ${week.label}`];
  const first = graph.edgeStart[p]!;
  const end = graph.edgeStart[p + 1]!;
  if (first === end) {
    const nearest = graph.offers
      .map((offer) => ({ offer, km: haversineKm(pupil.place, offer.place) }))
      .reduce((best, next) => (next.km < best.km ? next : best));
    return [
      `Non placé(e) : aucune offre à moins de ${decimalFr(pupil.maxDistanceKm)} km la ${week.label} ` +
        `(la plus proche, « ${nearest.offer.title} » à ${nearest.offer.place.name}, est à ${tooFarFr(nearest.km)})`,
    ];
  }
  let seats = 0;
  let prioritySeats = 0;
  for (let e = first; e < end; e++) {
    seats += graph.capacity[graph.edgeOffer[e]!]!;
    prioritySeats += week.priorityLoad[graph.edgeOffer[e]!]!;
  }
  const count = end - first;
  const offersFr = count === 1 ? 'la seule offre possible' : `les ${count} offres possibles`;
  const verb = count === 1 ? 'est complète' : 'sont complètes';
  const full = `Non placé(e) : ${offersFr} la ${week.label} ${verb} (${seatsFr(seats, prioritySeats)})`;
  // Optimality: any chain of moves that seats this pupil ends by unseating someone (a priority pupil, if it is one).
  const other = pupil.priority ? 'un(e) autre élève prioritaire' : 'un(e) autre élève';
  const displaced = `placer cet(te) élève aurait obligé à retirer sa place à ${other}`;
  return seats === 0 ? [full] : [full, displaced];
}

function explain(pupil: Pupil, p: number, week: SolvedWeek, offersById: Map<string, Offer>): string[] {
  const { graph } = week;
  const e = week.assigned[p]!;
  const reasons: string[] = [];
  if (e === -1) {
    reasons.push(...unplacedReasonFr(pupil, p, week), ...wishReasons(pupil, 0, week, offersById));
  } else {
    const offer = graph.offers[graph.edgeOffer[e]!]!;
    const km = haversineKm(pupil.place, offer.place);
    reasons.push(`Placé(e) à « ${offer.title} » (${offer.place.name}), ${kmFr(km)}, ${week.label}`);
    reasons.push(...wishReasons(pupil, graph.edgeRank[e]!, week, offersById));
    if (graph.edgeFit[e]! >= CLOSE_FIT) reasons.push('centres d’intérêt proches');
  }
  if (pupil.priority) reasons.push('priorité : élève sans réseau (QPV/REP, FRR)');
  return reasons;
}

// ---------------------------------------------------------------------------------------------------------------

function sortedUnique<T extends { id: string }>(items: T[], what: string): T[] {
  const sorted = [...items].sort(byId);
  sorted.forEach((item, i) => {
    if (i > 0 && sorted[i - 1]!.id === item.id) throw new Error(`identifiant ${what} en double : ${item.id}`);
  });
  return sorted;
}

function solveWeekOf(
  week: IsoWeek,
  pupils: Pupil[],
  stageOffers: Offer[],
  interestFit: AllocationInput['interestFit'],
): SolvedWeek {
  const offers = stageOffers.filter((offer) => offer.weeks?.includes(week));
  const graph = buildWeek(pupils, offers, interestFit);
  const assigned = new WeekSolver(graph).solve();
  const priorityLoad = new Int32Array(offers.length);
  assigned.forEach((e, p) => {
    if (e !== -1 && pupils[p]!.priority) priorityLoad[graph.edgeOffer[e]!]!++;
  });
  return {
    label: formatWeekFr(week),
    graph,
    assigned,
    offerIndex: new Map(offers.map((offer, o) => [offer.id, o])),
    priorityLoad,
  };
}

export function allocateCohort(input: AllocationInput): AllocationResult {
  const offers = sortedUnique(
    input.offers.filter((offer) => offer.kind === 'stage'),
    'd’offre',
  );
  const pupils = sortedUnique(input.pupils, 'd’élève');
  const offersById = new Map(offers.map((offer) => [offer.id, offer]));
  const byWeek = new Map<IsoWeek, Pupil[]>();
  for (const pupil of pupils) {
    if (!isIsoWeek(pupil.week)) continue;
    const list = byWeek.get(pupil.week);
    if (list) list.push(pupil);
    else byWeek.set(pupil.week, [pupil]);
  }

  const outcomes = new Map<string, { offerId: string | null; rank: number; reasons: string[] }>();
  for (const week of [...byWeek.keys()].sort()) {
    const weekPupils = byWeek.get(week)!;
    const solved = solveWeekOf(week, weekPupils, offers, input.interestFit);
    weekPupils.forEach((pupil, p) => {
      const e = solved.assigned[p]!;
      outcomes.set(pupil.id, {
        offerId: e === -1 ? null : solved.graph.offers[solved.graph.edgeOffer[e]!]!.id,
        rank: e === -1 ? 0 : solved.graph.edgeRank[e]!,
        reasons: explain(pupil, p, solved, offersById),
      });
    });
  }

  const results = pupils.map((pupil) => {
    const outcome = outcomes.get(pupil.id) ?? {
      offerId: null,
      rank: 0,
      reasons: [`Non placé(e) : semaine « ${pupil.week} » invalide (attendu AAAA-Sss, ex. 2027-W07)`],
    };
    return { pupil, ...outcome };
  });
  const placed = results.filter((result) => result.offerId !== null);
  return {
    assignments: Object.fromEntries(results.map((result) => [result.pupil.id, result.offerId])),
    reasons: Object.fromEntries(results.map((result) => [result.pupil.id, result.reasons])),
    stats: {
      pupils: pupils.length,
      placed: placed.length,
      priorityPupils: pupils.filter((pupil) => pupil.priority).length,
      priorityPlaced: placed.filter((result) => result.pupil.priority).length,
      wishesHonoured: {
        firstChoice: placed.filter((result) => result.rank === 1).length,
        anyWish: placed.filter((result) => result.rank > 0).length,
      },
    },
  };
}
