import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import Map, { Layer, NavigationControl, Source } from 'react-map-gl/maplibre';
import { GARD_BOUNDS, GARD_COMMUNES_URL, GARD_OUTLINE_URL, layerStyles, pointsToGeoJson, type MapPoint } from './map-layers';

setWorkerUrl(workerUrl);

/** Token-free default: a purely local style (the Gard's shapes, no tiles), so the map works offline. */
const offlineStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef5' } }],
};

export default function MapLibreView({ points }: { points: MapPoint[] }) {
  return (
    <Map
      initialViewState={{ bounds: GARD_BOUNDS }}
      mapStyle={offlineStyle}
      style={{ width: '100%', height: '100%' }}
      attributionControl={{ customAttribution: 'Contours : IGN Admin Express 2018 (Licence Ouverte)' }}
    >
      <NavigationControl showCompass={false} />
      <Source id="gard-outline" type="geojson" data={GARD_OUTLINE_URL}>
        <Layer {...layerStyles.outlineFill} />
        <Layer {...layerStyles.outlineLine} />
      </Source>
      <Source id="gard-communes" type="geojson" data={GARD_COMMUNES_URL}>
        <Layer {...layerStyles.communeLines} />
      </Source>
      <Source id="offers" type="geojson" data={pointsToGeoJson(points)}>
        <Layer {...layerStyles.points} />
      </Source>
    </Map>
  );
}
