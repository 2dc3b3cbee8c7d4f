import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import Map, { Layer, NavigationControl, Popup, Source, type MapLayerMouseEvent, type MapRef } from 'react-map-gl/maplibre';
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

setWorkerUrl(workerUrl);

/** Token-free default: a purely local style (the Gard's shapes, no tiles, no glyphs), so the map works offline. */
const offlineStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef5' } }],
};

/** The map's own controls, in French. */
const frenchLocale = {
  'Map.Title': 'Carte',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter vers le nord',
  'Popup.Close': 'Fermer la bulle',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
};

const POINTS_SOURCE_ID = 'offers';

export default function MapLibreView({ points, items, focus, selectedId, onSelect, onReady }: MapViewProps) {
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

  // "Voir sur la carte": centre on the item, close enough for its cluster to open.
  useEffect(() => {
    const map = mapRef.current;
    const at = focus ? positions?.get(focus.id) : undefined;
    if (!map || !at) return;
    map.flyTo({ center: at, zoom: Math.max(map.getZoom(), FOCUS_ZOOM) });
  }, [focus, positions]);

  const dataSourceId = itemsData ? ITEMS_SOURCE_ID : pointsData ? POINTS_SOURCE_ID : null;

  async function onClick(event: MapLayerMouseEvent) {
    const feature = event.features?.[0];
    const map = mapRef.current;
    if (!feature || !map || feature.geometry.type !== 'Point') return;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    if (feature.properties.cluster) {
      const source = map.getSource<GeoJSONSource>(ITEMS_SOURCE_ID);
      if (!source) return;
      const zoom = await source.getClusterExpansionZoom(Number(feature.properties.cluster_id));
      map.easeTo({ center: [lon, lat], zoom });
    } else if (typeof feature.properties.id === 'string') {
      onSelect?.(feature.properties.id);
    }
  }

  return (
    <Map
      ref={mapRef}
      initialViewState={{ bounds: GARD_BOUNDS }}
      mapStyle={offlineStyle}
      style={{ width: '100%', height: '100%' }}
      locale={frenchLocale}
      attributionControl={{ customAttribution: 'Contours : IGN Admin Express 2018 (Licence Ouverte)' }}
      interactiveLayerIds={itemsData ? INTERACTIVE_ITEM_LAYERS : undefined}
      cursor={hovering ? 'pointer' : undefined}
      onMouseEnter={() => setHovering(true)}
      onMouseLeave={() => setHovering(false)}
      onClick={(event) => void onClick(event)}
      onIdle={(event) => {
        if (dataSourceId && event.target.getSource(dataSourceId) && event.target.isSourceLoaded(dataSourceId)) onReady?.(items ?? points);
      }}
    >
      <NavigationControl showCompass={false} />
      <Source id="gard-outline" type="geojson" data={GARD_OUTLINE_URL}>
        <Layer {...layerStyles.outlineFill} />
        <Layer {...layerStyles.outlineLine} />
      </Source>
      <Source id="gard-communes" type="geojson" data={GARD_COMMUNES_URL}>
        <Layer {...layerStyles.communeLines} />
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
