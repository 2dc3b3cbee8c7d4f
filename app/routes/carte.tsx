import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { throwAsResponse } from '~/.server/http/route-errors';
import { mapData } from '~/.server/map';
import { GardMap, type MapFocus } from '~/components/gard-map';
import { groupItemsByCommune, type MapItem } from '~/components/map-layers';
import { KINDS, kindLabels, plural } from '~/lib/labels';
import { FilterWarnings } from '~/components/filter-warnings';

export const meta: MetaFunction = () => [{ title: 'Carte des offres et des besoins — Passerelles' }];

/** Public: published offers and needs of the Gard, with titles, communes and kinds only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  try {
    const result = await mapData(context.services, url.searchParams);
    return { ...result, mapboxToken: context.services.env.mapboxToken ?? null };
  } catch (error) {
    throwAsResponse(error);
  }
}

const sideOptions = [
  { value: 'tous', label: 'Offres et besoins' },
  { value: 'offres', label: 'Offres seulement' },
  { value: 'besoins', label: 'Besoins seulement' },
] as const;

function sideCounts(offres: number, besoins: number): string {
  const parts = [];
  if (offres) parts.push(plural(offres, 'offre'));
  if (besoins) parts.push(plural(besoins, 'besoin'));
  return parts.join(' et ');
}

export default function Carte() {
  const { filters, warnings, items, counts, capped, limit, mapboxToken } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const groups = useMemo(() => groupItemsByCommune(items), [items]);
  const [hydrated, setHydrated] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusSeq = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => setHydrated(true), []);

  // New filters, new items: forget a selection that is no longer listed.
  useEffect(() => {
    setSelectedId((id) => (id && items.some((item) => item.id === id) ? id : null));
    setFocus(null);
  }, [items]);

  function showOnMap(item: MapItem) {
    focusSeq.current += 1;
    setFocus({ id: item.id, seq: focusSeq.current });
    setSelectedId(item.id);
    setAnnouncement(`Carte centrée sur « ${item.title} » (${item.communeName}).`);
    // On narrow screens the list is below the map: bring the map back into view, focus stays on the button.
    const map = document.getElementById('carte-map');
    if (map) {
      const box = map.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) map.scrollIntoView({ block: 'nearest' });
    }
  }

  // A point clicked on the map: the list shows the same entry (scrolling the list only, not the page).
  function selectFromMap(id: string | null) {
    setSelectedId(id);
    if (!id) return;
    const item = items.find((candidate) => candidate.id === id);
    if (item) setAnnouncement(`Sélection : « ${item.title} » (${item.communeName}).`);
    const list = listRef.current;
    const entry = document.getElementById(`carte-item-${id}`);
    if (list && entry && list.scrollHeight > list.clientHeight) {
      const top = entry.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
      if (top < list.scrollTop || top + entry.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top - 8;
    }
  }

  const loading = navigation.state === 'loading' && navigation.location.pathname === '/carte';
  return (
    <>
      <h1>Carte des offres et des besoins</h1>
      <p className="lead">
        Les offres et les besoins publiés sur Passerelles, placés au centre de leur commune. La liste à côté de la carte
        donne les mêmes informations.
      </p>
      <FilterWarnings warnings={warnings} />
      <Form method="get" className="carte-filters" aria-label="Filtrer la carte" key={location.search}>
        <fieldset>
          <legend>Publications</legend>
          {sideOptions.map((option) => (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={`carte-type-${option.value}`}
                name="type"
                value={option.value}
                defaultChecked={filters.type === option.value}
              />
              <label htmlFor={`carte-type-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
        <fieldset aria-describedby="carte-kind-hint">
          <legend>Domaines</legend>
          {KINDS.map((kind) => (
            <div className="checkbox" key={kind}>
              <input type="checkbox" id={`carte-kind-${kind}`} name="kind" value={kind} defaultChecked={filters.kinds.includes(kind)} />
              <label htmlFor={`carte-kind-${kind}`}>{kindLabels[kind].plural}</label>
            </div>
          ))}
          <p className="hint" id="carte-kind-hint">
            Aucune case cochée : tous les domaines.
          </p>
        </fieldset>
        <div>
          <button type="submit">Afficher</button>
        </div>
      </Form>

      <p role="status" aria-live="polite" className="carte-status">
        {loading
          ? 'Chargement…'
          : counts.total === 0
            ? 'Aucune publication ne correspond à ces critères.'
            : `${plural(counts.total, 'publication')} : ${sideCounts(counts.offres, counts.besoins)}.${
                capped ? ` Seules les ${limit.toLocaleString('fr-FR')} plus récentes sont affichées.` : ''
              }`}
      </p>

      <ul className="map-legend" aria-label="Légende de la carte">
        <li>
          <span className="legend-swatch legend-offre" aria-hidden="true" /> Offre
        </li>
        <li>
          <span className="legend-swatch legend-besoin" aria-hidden="true" /> Besoin
        </li>
        <li>
          <span className="legend-swatch legend-mixte" aria-hidden="true" /> Groupe d’offres et de besoins
        </li>
        <li className="meta">Plus un cercle est grand, plus il regroupe de publications ; cliquez-le pour zoomer.</li>
      </ul>

      <div className="carte-layout">
        <div id="carte-map" className="carte-map">
          <GardMap
            items={items}
            mapboxToken={mapboxToken}
            label="Carte du Gard : offres et besoins publiés"
            caption="Carte du Gard : offres et besoins publiés. La liste des publications donne les mêmes informations."
            focus={focus}
            selectedId={selectedId}
            onSelect={selectFromMap}
          />
        </div>
        <section className="carte-list" aria-labelledby="carte-liste-titre">
          <h2 id="carte-liste-titre">Liste des publications</h2>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {items.length === 0 ? (
            <div className="empty">
              <p>Aucune offre ni aucun besoin ne correspond à ces critères.</p>
              <p>
                <Link to="/carte">Effacer les filtres</Link>
              </p>
            </div>
          ) : (
            <div className="carte-list-scroll" ref={listRef}>
              <ol className="carte-groups" aria-label="Publications par commune">
                {groups.map((group) => (
                  <li key={group.code} className="carte-group">
                    <h3>
                      {group.name} <span className="carte-group-count">{`(${sideCounts(group.offres, group.besoins)})`}</span>
                    </h3>
                    <ul className="carte-entries">
                      {group.items.map((item) => (
                        <li
                          key={item.id}
                          id={`carte-item-${item.id}`}
                          className={item.id === selectedId ? 'carte-entry is-selected' : 'carte-entry'}
                          aria-current={item.id === selectedId ? 'true' : undefined}
                        >
                          <p className="carte-entry-tags">
                            <span className={`badge badge-side-${item.side}`}>{item.side === 'offre' ? 'Offre' : 'Besoin'}</span>{' '}
                            <span className={`badge badge-${kindLabels[item.kind].slug}`}>{kindLabels[item.kind].singular}</span>
                          </p>
                          <p className="carte-entry-title">{item.href ? <Link to={item.href}>{item.title}</Link> : item.title}</p>
                          {hydrated ? (
                            <button type="button" className="carte-focus-button" onClick={() => showOnMap(item)}>
                              Voir sur la carte<span className="visually-hidden">{` : ${item.title}`}</span>
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
