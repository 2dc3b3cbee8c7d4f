import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { listCommunes, parseCatalogueQuery, searchPublishedOffers } from '~/.server/catalogue';
import { throwAsResponse } from '~/.server/http/route-errors';
import { GardMap } from '~/components/gard-map';
import { Pagination } from '~/components/pagination';
import { KINDS, kindLabels, plural } from '~/lib/labels';
import { FilterWarnings } from '~/components/filter-warnings';
import { CommuneOptions } from '~/components/commune-options';

export const meta: MetaFunction = () => [{ title: 'Offres — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { query, warnings } = parseCatalogueQuery(url.searchParams);
  try {
    const [result, communes] = await Promise.all([
      searchPublishedOffers(context.services, query),
      listCommunes(context.services),
    ]);
    return { query, warnings, result, communes, mapboxToken: context.services.env.mapboxToken ?? null };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function Catalogue() {
  const { query, warnings, result, communes, mapboxToken } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (query.type) params.set('type', query.type);
    if (query.commune) params.set('commune', query.commune);
    if (query.rayon) params.set('rayon', String(query.rayon));
    if (query.q) params.set('q', query.q);
    params.set('page', String(page));
    return `/offres?${params.toString()}`;
  };
  return (
    <>
      <h1>Les offres publiées</h1>
      <FilterWarnings warnings={warnings} />
      <Form method="get" className="filters" role="search" aria-label="Filtrer les offres">
        <div className="field">
          <label htmlFor="type">Type d’offre</label>
          <select id="type" name="type" defaultValue={query.type ?? ''}>
            <option value="">Tous les types</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kindLabels[kind].slug}>
                {kindLabels[kind].plural}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="commune">Commune</label>
          <select id="commune" name="commune" defaultValue={query.commune ?? ''}>
            <option value="">Tout le Gard</option>
            <CommuneOptions communes={communes} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="rayon">
            Autour de la commune <span className="hint">(en km)</span>
          </label>
          <select id="rayon" name="rayon" defaultValue={query.rayon ? String(query.rayon) : ''}>
            <option value="">Dans la commune seulement</option>
            {[5, 10, 20, 30, 50].map((km) => (
              <option key={km} value={km}>
                {`${km} km`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">Mots-clés</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={120} />
        </div>
        <div>
          <button type="submit">Rechercher</button>
        </div>
      </Form>
      <p role="status" aria-live="polite">
        {navigation.state === 'loading'
          ? 'Recherche en cours…'
          : `${plural(result.total, 'offre trouvée', 'offres trouvées')}${result.pageCount > 1 ? ` — page ${result.page} sur ${result.pageCount}` : ''}`}
      </p>
      {result.total > 0 ? (
        <GardMap points={result.mapPoints} mapboxToken={mapboxToken} label="Carte du Gard : communes des offres trouvées" />
      ) : null}
      {result.offers.length === 0 ? (
        <div className="empty">
          <p>Aucune offre ne correspond à ces critères.</p>
          <p>
            <Link to="/offres">Effacer les filtres</Link>
          </p>
        </div>
      ) : (
        <ul className="cards" aria-label="Résultats">
          {result.offers.map((offer) => (
            <li key={offer.id} className="card">
              <p>
                <span className={`badge badge-${kindLabels[offer.kind].slug}`}>{kindLabels[offer.kind].singular}</span>
              </p>
              <h2>
                <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
              </h2>
              <p className="meta">
                {offer.communeName}
                {offer.organisationName ? ` · ${offer.organisationName}` : ''}
              </p>
              <p>{offer.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </>
  );
}
