import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

export interface MapPoint {
  code: string;
  name: string;
  lat: number;
  lon: number;
  count: number;
}

export type MapSide = 'offre' | 'besoin';

/** One published offer or need on the /carte page: public facts only (no person, no organisation). */
export interface MapItem {
  id: string;
  side: MapSide;
  kind: 'COMPETENCE' | 'LIEU' | 'STAGE';
  title: string;
  communeCode: string;
  communeName: string;
  lat: number;
  lon: number;
  /** Public page of the item; needs have none. */
  href: string | null;
}

/** Shapes served from public/geo: IGN Admin Express COG 2018 via france-geojson, Licence Ouverte. */
export const GARD_OUTLINE_URL = '/geo/gard-departement.geojson';
export const GARD_COMMUNES_URL = '/geo/gard-communes.geojson';
export const GARD_BOUNDS: [[number, number], [number, number]] = [
  [3.26, 43.45],
  [4.85, 44.46],
];

/** Source and layer ids of the clustered offers and needs, shared by both map views. */
export const ITEMS_SOURCE_ID = 'items';
export const FOCUS_SOURCE_ID = 'items-focus';
/** Zoom used to centre the map on one item from the list: past CLUSTER_MAX_ZOOM, so the item shows on its own. */
export const FOCUS_ZOOM = 14;
export const CLUSTER_MAX_ZOOM = 13;
export const CLUSTER_RADIUS = 40;

/**
 * Colours by side, each ≥ 4.5:1 against the white Gard fill and the pale background, and told apart by more than
 * hue: a need is drawn as a ring (white centre), an offer as a full disc.
 */
export const SIDE_COLOURS = { offre: '#1d4f91', besoin: '#a63c00', mixte: '#3d3d3d' } as const;

export function pointsToGeoJson(points: MapPoint[]): FeatureCollection<Point, { name: string; count: number }> {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: { name: point.name, count: point.count },
    })),
  };
}

export interface ItemProperties {
  id: string;
  side: MapSide;
  kind: MapItem['kind'];
  title: string;
  isOffer: number;
}

/**
 * Items sit on their commune's centroid; those sharing a commune are spread on a small golden-angle spiral
 * (a few hundred metres) so each stays visible and clickable once the cluster opens.
 */
export function itemPositions(items: MapItem[]): Map<string, [number, number]> {
  const seen = new Map<string, number>();
  const positions = new Map<string, [number, number]>();
  for (const item of items) {
    const rank = seen.get(item.communeCode) ?? 0;
    seen.set(item.communeCode, rank + 1);
    if (rank === 0) {
      positions.set(item.id, [item.lon, item.lat]);
      continue;
    }
    const angle = rank * 2.399963;
    const radius = 0.0022 * Math.sqrt(rank);
    const lonScale = 1 / Math.cos((item.lat * Math.PI) / 180);
    positions.set(item.id, [item.lon + radius * Math.cos(angle) * lonScale, item.lat + radius * Math.sin(angle)]);
  }
  return positions;
}

export function itemsToGeoJson(items: MapItem[], positions = itemPositions(items)): FeatureCollection<Point, ItemProperties> {
  return {
    type: 'FeatureCollection',
    features: items.map(
      (item): Feature<Point, ItemProperties> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: positions.get(item.id) ?? [item.lon, item.lat] },
        properties: { id: item.id, side: item.side, kind: item.kind, title: item.title, isOffer: item.side === 'offre' ? 1 : 0 },
      }),
    ),
  };
}

/** Options of the clustered GeoJSON source: each cluster knows how many offers it holds, to pick its colour. */
export const clusterOptions = {
  cluster: true,
  clusterRadius: CLUSTER_RADIUS,
  clusterMaxZoom: CLUSTER_MAX_ZOOM,
  clusterProperties: { offres: ['+', ['get', 'isOffer']] },
} as const;

export interface CommuneGroup {
  code: string;
  name: string;
  offres: number;
  besoins: number;
  items: MapItem[];
}

/** The list beside the map: items grouped by commune, in the order they were given (already sorted by the server). */
export function groupItemsByCommune(items: MapItem[]): CommuneGroup[] {
  const groups = new Map<string, CommuneGroup>();
  for (const item of items) {
    let group = groups.get(item.communeCode);
    if (!group) {
      group = { code: item.communeCode, name: item.communeName, offres: 0, besoins: 0, items: [] };
      groups.set(item.communeCode, group);
    }
    group.items.push(item);
    if (item.side === 'offre') group.offres += 1;
    else group.besoins += 1;
  }
  return [...groups.values()];
}

type Unsourced<T extends { id: string; type: string; paint?: unknown }> = Pick<T, 'id' | 'type' | 'paint'>;
// Expression filters only: Mapbox GL's typings do not accept MapLibre's boolean filters.
type Filtered<T extends { id: string; type: string; paint?: unknown }> = Unsourced<T> & { filter: ExpressionSpecification };

export const layerStyles: {
  outlineFill: Unsourced<FillLayerSpecification>;
  communeLines: Unsourced<LineLayerSpecification>;
  outlineLine: Unsourced<LineLayerSpecification>;
  points: Unsourced<CircleLayerSpecification>;
  clusters: Filtered<CircleLayerSpecification>;
  itemPoints: Filtered<CircleLayerSpecification>;
  needCentres: Filtered<CircleLayerSpecification>;
  focusRing: Unsourced<CircleLayerSpecification>;
} = {
  outlineFill: { id: 'gard-fill', type: 'fill', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } },
  communeLines: { id: 'gard-communes', type: 'line', paint: { 'line-color': '#b8c4d6', 'line-width': 0.6 } },
  outlineLine: { id: 'gard-outline', type: 'line', paint: { 'line-color': '#1d4f91', 'line-width': 2 } },
  points: {
    id: 'offer-points',
    type: 'circle',
    paint: {
      'circle-color': '#1d4f91',
      'circle-opacity': 0.8,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 6, 10, 16],
    },
  },
  // The offline style has no glyphs, so a cluster tells its size by its radius, not by a number.
  clusters: {
    id: 'item-clusters',
    type: 'circle',
    filter: ['has', 'point_count'],
    paint: {
      // All offers, all needs, or a mix of both.
      'circle-color': [
        'case',
        ['==', ['get', 'offres'], ['get', 'point_count']],
        SIDE_COLOURS.offre,
        ['==', ['get', 'offres'], 0],
        SIDE_COLOURS.besoin,
        SIDE_COLOURS.mixte,
      ],
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
      'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 11, 10, 16, 50, 22, 300, 30],
    },
  },
  itemPoints: {
    id: 'item-points',
    type: 'circle',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': ['case', ['==', ['get', 'side'], 'offre'], SIDE_COLOURS.offre, SIDE_COLOURS.besoin],
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  },
  needCentres: {
    id: 'item-need-centres',
    type: 'circle',
    filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'side'], 'besoin']],
    paint: { 'circle-color': '#ffffff', 'circle-radius': 3 },
  },
  focusRing: {
    id: 'item-focus',
    type: 'circle',
    paint: {
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-radius': 13,
      'circle-stroke-color': '#0a76f6',
      'circle-stroke-width': 3,
    },
  },
};

/** Layers a click can hit on the items map. */
export const INTERACTIVE_ITEM_LAYERS = [layerStyles.clusters.id, layerStyles.itemPoints.id];
