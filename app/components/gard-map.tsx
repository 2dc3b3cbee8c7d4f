import { lazy, Suspense, useEffect, useState } from 'react';
import type { MapPoint } from './map-layers';

const MapLibreView = lazy(() => import('./maplibre-view.client'));
const MapboxView = lazy(() => import('./mapbox-view.client'));

/**
 * The one map component: MapLibre with the offline Gard shapes by default, Mapbox GL when a token is configured.
 * The map only repeats what the page lists in text, which stays the accessible way to read it.
 */
export function GardMap({ points, mapboxToken, label }: { points: MapPoint[]; mapboxToken: string | null; label: string }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const fallback = <p className="map-fallback">Chargement de la carte…</p>;
  return (
    <figure className="map" aria-label={label}>
      <div className="map-canvas">
        {hydrated ? (
          <Suspense fallback={fallback}>
            {mapboxToken ? <MapboxView points={points} token={mapboxToken} /> : <MapLibreView points={points} />}
          </Suspense>
        ) : (
          fallback
        )}
      </div>
      <figcaption className="meta">{`${label}. La liste ci-dessous donne les mêmes informations.`}</figcaption>
    </figure>
  );
}
