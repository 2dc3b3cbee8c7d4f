import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { MapItem, MapPoint } from './map-layers';

const MapLibreView = lazy(() => import('./maplibre-view.client'));
const MapboxView = lazy(() => import('./mapbox-view.client'));

/** Asks the map to centre on an item; a new `seq` centres again on the same item. */
export interface MapFocus {
  id: string;
  seq: number;
}

/** What both views (MapLibre and Mapbox GL) accept. */
export interface MapViewProps {
  points?: MapPoint[];
  items?: MapItem[];
  focus?: MapFocus | null;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  /** Called once the map has drawn the data it was given (the very `items` or `points` array). */
  onReady?: (drawn: MapItem[] | MapPoint[] | undefined) => void;
}

interface GardMapProps {
  /** Communes with a count (the catalogue). */
  points?: MapPoint[];
  /** Offers and needs, clustered and coloured by side (the /carte page). */
  items?: MapItem[];
  mapboxToken: string | null;
  label: string;
  /** Replaces the default caption, which points to the list below the map. */
  caption?: string;
  focus?: MapFocus | null;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  className?: string;
}

/**
 * The one map component: MapLibre with the offline Gard shapes by default, Mapbox GL when a token is configured.
 * The map only repeats what the page lists in text, which stays the accessible way to read it.
 * Once the map has drawn its data, the canvas wrapper carries `data-map-ready="true"`.
 */
export function GardMap({ points, items, mapboxToken, label, caption, focus, selectedId, onSelect, className }: GardMapProps) {
  const [hydrated, setHydrated] = useState(false);
  // Ready means drawn with the current data: new filters give a new array, so the flag drops until it is drawn.
  const [drawn, setDrawn] = useState<MapItem[] | MapPoint[] | undefined>(undefined);
  const ready = drawn !== undefined && drawn === (items ?? points);
  useEffect(() => setHydrated(true), []);
  const onReady = useCallback((data: MapItem[] | MapPoint[] | undefined) => setDrawn(data), []);
  const fallback = <p className="map-fallback">Chargement de la carte…</p>;
  const viewProps: MapViewProps = { points, items, focus, selectedId, onSelect, onReady };
  return (
    <figure className={className ? `map ${className}` : 'map'} aria-label={label}>
      <div className="map-canvas" data-map-ready={ready ? 'true' : 'false'} data-map-items={items ? items.length : undefined}>
        {hydrated ? (
          <Suspense fallback={fallback}>
            {mapboxToken ? <MapboxView {...viewProps} token={mapboxToken} /> : <MapLibreView {...viewProps} />}
          </Suspense>
        ) : (
          fallback
        )}
      </div>
      <figcaption className="meta">{caption ?? `${label}. La liste ci-dessous donne les mêmes informations.`}</figcaption>
    </figure>
  );
}
