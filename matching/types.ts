/** The engine's vocabulary: what the exchange format, the database and the app all convert to. */

export type Kind = 'competence' | 'lieu' | 'stage';
export const KINDS: readonly Kind[] = ['competence', 'lieu', 'stage'];

export type PropertyKind = 'batiment' | 'terrain' | 'toiture';

/** A commune of the Gard, with its centroid; distances are great-circle distances between centroids. */
export interface Place {
  code: string;
  name: string;
  lat: number;
  lon: number;
  /** France Ruralités Revitalisation commune. */
  frr?: boolean;
}

/** ISO date `YYYY-MM-DD` (UTC calendar day). */
export type IsoDate = string;
/** ISO week `YYYY-Www`, e.g. `2027-W07`. */
export type IsoWeek = string;

export interface Offer {
  id: string;
  kind: Kind;
  title: string;
  description: string;
  place: Place;
  availableFrom?: IsoDate;
  availableTo?: IsoDate;
  publishedAt?: IsoDate;
  // compétence
  skills?: string[];
  radiusKm?: number;
  remote?: boolean;
  // lieu
  propertyType?: PropertyKind;
  surfaceM2?: number;
  accessiblePMR?: boolean;
  // stage
  activities?: string[];
  weeks?: IsoWeek[];
  /** Pupils per week. */
  capacity?: number;
  /** Largest group taken at once. */
  groupMax?: number;
}

export interface Need {
  id: string;
  kind: Kind;
  title: string;
  description: string;
  place: Place;
  maxDistanceKm: number;
  from?: IsoDate;
  to?: IsoDate;
  // compétence
  /** The requesting structure may receive council agents (intérêt général, ARUP, fondation). */
  requesterEligibleMecenat?: boolean;
  skills?: string[];
  // lieu
  propertyTypes?: PropertyKind[];
  minSurfaceM2?: number;
  needsPMR?: boolean;
  // stage
  week?: IsoWeek;
  pupils?: number;
  group?: boolean;
  interests?: string[];
  /** Pupils without a network (QPV/REP, FRR). */
  priority?: boolean;
}

export interface Pupil {
  id: string;
  place: Place;
  week: IsoWeek;
  maxDistanceKm: number;
  interests: string;
  /** Offer ids, most wanted first. */
  wishes?: string[];
  /** Without a network: QPV/REP, FRR. */
  priority: boolean;
}
