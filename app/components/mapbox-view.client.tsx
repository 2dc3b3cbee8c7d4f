import 'mapbox-gl/dist/mapbox-gl.css';
import Map, { Layer, NavigationControl, Source } from 'react-map-gl/mapbox';
import { GARD_BOUNDS, GARD_COMMUNES_URL, GARD_OUTLINE_URL, layerStyles, pointsToGeoJson, type MapPoint } from './map-layers';

/** With a Mapbox token: Mapbox's light base map under the same Gard layers. */
export default function MapboxView({ points, token }: { points: MapPoint[]; token: string }) {
  return (
    <Map
      mapboxAccessToken={token}
      initialViewState={{ bounds: GARD_BOUNDS }}
      mapStyle="mapbox://styles/mapbox/light-v11"
      style={{ width: '100%', height: '100%' }}
    >
      <NavigationControl showCompass={false} />
      <Source id="gard-communes" type="geojson" data={GARD_COMMUNES_URL}>
        <Layer {...layerStyles.communeLines} />
      </Source>
      <Source id="gard-outline" type="geojson" data={GARD_OUTLINE_URL}>
        <Layer {...layerStyles.outlineLine} />
      </Source>
      <Source id="offers" type="geojson" data={pointsToGeoJson(points)}>
        <Layer {...layerStyles.points} />
      </Source>
    </Map>
  );
}
