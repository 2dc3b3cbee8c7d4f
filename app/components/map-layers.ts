import type { FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

export interface MapPoint {
  code: string;
  name: string;
  lat: number;
  lon: number;
  count: number;
}

/** Shapes served from public/geo: IGN Admin Express COG 2018 via france-geojson, Licence Ouverte. */
export const GARD_OUTLINE_URL = '/geo/gard-departement.geojson';
export const GARD_COMMUNES_URL = '/geo/gard-communes.geojson';
export const GARD_BOUNDS: [[number, number], [number, number]] = [
  [3.26, 43.45],
  [4.85, 44.46],
];

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

type Unsourced<T extends { id: string; type: string; paint?: unknown }> = Pick<T, 'id' | 'type' | 'paint'>;

export const layerStyles: {
  outlineFill: Unsourced<FillLayerSpecification>;
  communeLines: Unsourced<LineLayerSpecification>;
  outlineLine: Unsourced<LineLayerSpecification>;
  points: Unsourced<CircleLayerSpecification>;
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
};
