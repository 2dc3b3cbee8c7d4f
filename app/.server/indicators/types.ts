import type { ConventionStatus } from '../../../matching/conventions/lifecycle';
import type { IndicatorUnit } from '../../lib/indicator-format';
import type { Kind } from '../../lib/labels';
import type { MatchStatus, PlacementMode, PropertyType, PublicationStatus, SignatoryRole } from '../db/generated/enums';

/** Rows the pure indicator functions read: plain values, days as YYYY-MM-DD (UTC), instants as Date. */

export interface CommuneRow {
  code: string;
  name: string;
  arrondissement: string | null;
  epciCode: string | null;
  epciName: string | null;
  frr: boolean;
}

export interface PropertyRow {
  offerId: string;
  propertyType: PropertyType;
  surfaceM2: number;
  communeCode: string;
  /** Current status of the offer: a property counts as published while it is PUBLISHED, from publishedAt. */
  status: PublicationStatus;
  publishedAt: Date | null;
}

export interface ConventionRow {
  id: string;
  reference: string;
  kind: Kind;
  status: ConventionStatus;
  /** The convention an amendment (avenant) amends; null for an original convention. */
  amendsId: string | null;
  start: string;
  end: string;
  createdAt: Date;
  signedAt: Date | null;
  /** Skills placements: hours a month and activities, from the terms. */
  hoursPerMonth: number | null;
  activities: string | null;
  need: {
    id: string;
    publishedAt: Date | null;
    communeCode: string;
    organisationId: string;
    organisationName: string;
    /** Stage needs: individual or group placement. */
    mode: PlacementMode | null;
    /** Space needs: the occupation creates a tiers-lieu. */
    tiersLieu: boolean;
  };
  offer: {
    id: string;
    communeCode: string;
    organisationId: string | null;
    organisationName: string | null;
  };
  /** Skills placements: the agent placed and their grade (cadre d'emplois). */
  agent: { id: string; grade: string | null } | null;
  /** Stages: the pupil placed (null once the pupil record is gone). */
  pupil: { id: string; priority: boolean } | null;
  /** Roles of the signatories, one entry each (a survey is sent to some roles when the convention ends). */
  signatoryRoles: SignatoryRole[];
  surveys: { role: SignatoryRole; score: number }[];
}

export interface PupilRow {
  id: string;
  collegeId: string;
  createdAt: Date;
  anonymisedAt: Date | null;
}

export interface CollegeRow {
  id: string;
  name: string;
  communeCode: string | null;
  rep: boolean;
  repPlus: boolean;
  qpv: boolean;
}

export interface NeedRow {
  id: string;
  kind: Kind;
  communeCode: string;
  publishedAt: Date | null;
}

export interface MatchRow {
  id: string;
  kind: Kind;
  status: MatchStatus;
  createdAt: Date;
  needCommuneCode: string;
  offerCommuneCode: string;
}

export interface IndicatorRows {
  communes: CommuneRow[];
  properties: PropertyRow[];
  conventions: ConventionRow[];
  pupils: PupilRow[];
  colleges: CollegeRow[];
  needs: NeedRow[];
  matches: MatchRow[];
}

/** Both days included. */
export interface Period {
  from: string;
  to: string;
}

export type TerritoryLevel = 'arrondissement' | 'epci' | 'commune';

export interface Territory {
  level: TerritoryLevel;
  code: string;
  name: string;
}

/** What every indicator function receives besides its rows. */
export interface IndicatorContext {
  period: Period;
  /** Last day the figures describe: the end of the period, or today while the period runs. */
  referenceDay: string;
  territory: Territory | null;
  /** Whether a commune belongs to the territory (always true without one). */
  inTerritory: (communeCode: string | null) => boolean;
  communes: ReadonlyMap<string, CommuneRow>;
}

export type Action = '1.3' | '2.2' | '2.4' | 'plateforme';

export type Unit = IndicatorUnit;

export interface Figure {
  key: string;
  label: string;
  /** null when it cannot be computed (a share or an average of nothing). */
  value: number | null;
  unit: Unit;
  /** The list of records behind the figure, already filtered as closely as that list allows. */
  href?: string;
}

export type Cell = string | number | null;

export interface Column {
  label: string;
  unit?: Unit;
}

/** A breakdown drawn as a bar chart (first column: categories, numeric columns: series) beside its table. */
export interface Breakdown {
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  chart?: { stacked: boolean; series: number[] };
}

export interface Indicator {
  id: string;
  action: Action;
  label: string;
  definition: string;
  figures: Figure[];
  breakdowns: Breakdown[];
}
