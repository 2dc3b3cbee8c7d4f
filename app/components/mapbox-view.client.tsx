import 'mapbox-gl/dist/mapbox-gl.css';
import type { GeoJSONSource } from 'mapbox-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import Map, { Layer, NavigationControl, Popup, Source, type MapMouseEvent, type MapRef } from 'react-map-gl/mapbox';
import { kindLabels } from '~/lib/labels';
import type { MapViewProps } from './gard-map';
import {
  clusterOptions,
  FOCUS_SOURCE_ID,
  FOCUS_ZOOM,
  GARD_BOUNDS,
  GARD_COMMUNES_URL,
  GARD_OUTLINE_URL,
  INTERACTIVE_ITEM_LAYERS,
  itemPositions,
  itemsToGeoJson,
  ITEMS_SOURCE_ID,
  layerStyles,
  pointsToGeoJson,
} from './map-layers';

const frenchLocale = {
  'Map.Title': 'Carte',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter vers le nord',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
};

const POINTS_SOURCE_ID = 'offers';

/** With a Mapbox token: Mapbox's light base map under the same Gard layers, clusters and list focus. */
export default function MapboxView({ points, items, focus, selectedId, onSelect, onReady, token }: MapViewProps & { token: string }) {
  const mapRef = useRef<MapRef>(null);
  const [hovering, setHovering] = useState(false);
  const positions = useMemo(() => (items ? itemPositions(items) : null), [items]);
  const itemsData = useMemo(() => (items && positions ? itemsToGeoJson(items, positions) : null), [items, positions]);
  const pointsData = useMemo(() => (points ? pointsToGeoJson(points) : null), [points]);
  const selected = selectedId ? items?.find((item) => item.id === selectedId) : undefined;
  const selectedAt = selected ? positions?.get(selected.id) : undefined;
  const focusData = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: selectedAt ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: selectedAt }, properties: {} }] : [],
    }),
    [selectedAt],
  );

  useEffect(() => {
    const map = mapRef.current;
    const at = focus ? positions?.get(focus.id) : undefined;
    if (!map || !at) return;
    map.flyTo({ center: at, zoom: Math.max(map.getZoom(), FOCUS_ZOOM) });
  }, [focus, positions]);

  const dataSourceId = itemsData ? ITEMS_SOURCE_ID : pointsData ? POINTS_SOURCE_ID : null;

  function onClick(event: MapMouseEvent) {
    const feature = event.features?.[0];
    const map = mapRef.current;
    if (!feature || !map || feature.geometry.type !== 'Point') return;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const properties = feature.properties ?? {};
    if (properties.cluster) {
      const source = map.getSource<GeoJSONSource>(ITEMS_SOURCE_ID);
      source?.getClusterExpansionZoom(Number(properties.cluster_id), (error, zoom) => {
        if (!error && typeof zoom === 'number') map.easeTo({ center: [lon, lat], zoom });
      });
    } else if (typeof properties.id === 'string') {
      onSelect?.(properties.id);
    }
  }

  return (
    <Map
      ref={mapRef}
      mapboxAccessToken={token}
      initialViewState={{ bounds: GARD_BOUNDS }}
      mapStyle="mapbox://styles/mapbox/light-v11"
      style={{ width: '100%', height: '100%' }}
      locale={frenchLocale}
      interactiveLayerIds={itemsData ? INTERACTIVE_ITEM_LAYERS : undefined}
      cursor={hovering ? 'pointer' : undefined}
      onMouseEnter={() => setHovering(true)}
      onMouseLeave={() => setHovering(false)}
      onClick={onClick}
      onIdle={(event) => {
        if (dataSourceId && event.target.getSource(dataSourceId) && event.target.isSourceLoaded(dataSourceId)) onReady?.(items ?? points);
      }}
    >
      <NavigationControl showCompass={false} />
      <Source id="gard-communes" type="geojson" data={GARD_COMMUNES_URL}>
        <Layer {...layerStyles.communeLines} />
      </Source>
      <Source id="gard-outline" type="geojson" data={GARD_OUTLINE_URL}>
        <Layer {...layerStyles.outlineLine} />
      </Source>
      {pointsData ? (
        <Source id={POINTS_SOURCE_ID} type="geojson" data={pointsData}>
          <Layer {...layerStyles.points} />
        </Source>
      ) : null}
      {itemsData ? (
        <Source id={ITEMS_SOURCE_ID} type="geojson" data={itemsData} {...clusterOptions}>
          <Layer {...layerStyles.clusters} />
          <Layer {...layerStyles.itemPoints} />
          <Layer {...layerStyles.needCentres} />
        </Source>
      ) : null}
      {itemsData ? (
        <Source id={FOCUS_SOURCE_ID} type="geojson" data={focusData}>
          <Layer {...layerStyles.focusRing} />
        </Source>
      ) : null}
      {selected && selectedAt ? (
        <Popup
          longitude={selectedAt[0]}
          latitude={selectedAt[1]}
          offset={14}
          focusAfterOpen={false}
          closeOnClick={false}
          onClose={() => onSelect?.(null)}
          className="map-popup"
        >
          <p className="map-popup-title">{selected.title}</p>
          <p className="map-popup-meta">
            {`${selected.side === 'offre' ? 'Offre' : 'Besoin'} · ${kindLabels[selected.kind].singular} · ${selected.communeName}`}
          </p>
          {selected.href ? <a href={selected.href}>Voir l’offre</a> : null}
        </Popup>
      ) : null}
    </Map>
  );
}
