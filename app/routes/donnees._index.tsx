import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { throwAsResponse } from '~/.server/http/route-errors';
import { FIRST_YEAR, readIndicatorFilters } from '~/.server/indicators';
import {
  OPEN_DATA_LICENCE,
  OPEN_DATA_MIN_COUNT,
  OPEN_DATA_SOURCE,
  SUPPRESSION_RULE,
  openDataQueryString,
  publishOpenData,
  type OpenDataCell,
} from '~/.server/open-data';
import { Field } from '~/components/field';
import { TableScroll } from '~/components/table-scroll';
import { formatFigure } from '~/lib/indicator-format';
import { INDICATOR_SECTIONS } from '~/lib/indicator-sections';
import { formatDate } from '~/lib/labels';

export const meta: MetaFunction = () => [
  { title: 'Données ouvertes — Passerelles' },
  { name: 'description', content: 'Les indicateurs du plan ESS du Gard en données ouvertes : chiffres agrégés, téléchargeables en CSV et JSON, sous Licence Ouverte 2.0.' },
];

/** Public: no sign-in; aggregate figures only, small counts masked (see app/.server/open-data). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    const dataset = await publishOpenData(context.services, new URL(request.url).searchParams);
    const { territories } = await readIndicatorFilters(context.services, new URLSearchParams());
    const currentYear = context.services.clock.now().getUTCFullYear();
    const measures = new Map<string, { id: string; action: string; label: string; definition: string; unit: OpenDataCell['measure']['unit']; cells: { category: string | null; value: number | null; suppressed: boolean }[] }>();
    for (const { measure, category, value, suppressed } of dataset.cells) {
      const entry = measures.get(measure.id) ?? { id: measure.id, action: measure.action, label: measure.label, definition: measure.definition, unit: measure.unit, cells: [] };
      entry.cells.push({ category, value, suppressed });
      measures.set(measure.id, entry);
    }
    return {
      year: dataset.year,
      territoryCode: dataset.territoryCode,
      territoryName: dataset.territoryName,
      referenceDay: dataset.referenceDay,
      query: openDataQueryString(dataset),
      years: Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, index) => currentYear - index),
      // Communes are not offered: too small to publish figures for.
      territories: territories
        .filter((group) => group.level !== 'commune')
        .map((group) => ({ ...group, options: group.options.map((option) => ({ ...option, value: option.value.replace(/^arrondissement:/, 'arr:') })) })),
      measures: [...measures.values()],
      // Constants of the server modules travel as data: a page component may not import them.
      about: { firstYear: FIRST_YEAR, minCount: OPEN_DATA_MIN_COUNT, suppressionRule: SUPPRESSION_RULE, licence: OPEN_DATA_LICENCE, source: OPEN_DATA_SOURCE },
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

const shown = (cell: { value: number | null; suppressed: boolean }, unit: OpenDataCell['measure']['unit'], minCount: number) =>
  cell.suppressed ? `secret statistique (moins de ${minCount})` : formatFigure(cell.value, unit);

export default function OpenData() {
  const { year, territoryCode, territoryName, referenceDay, query, years, territories, measures, about } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Données ouvertes</h1>
      <p className="lead">
        Les indicateurs du plan départemental de l’économie sociale et solidaire 2024-2028 du Gard, calculés à partir des
        données de Passerelles, en chiffres agrégés : aucune donnée personnelle, aucun nom, aucun identifiant.
      </p>

      <Form method="get" className="filters" role="search" aria-label="Choisir l’année et le territoire">
        <Field id="annee" label="Année">
          {(props) => (
            <select {...props} name="annee" defaultValue={String(year)}>
              {years.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="territoire" label="Territoire" hint="(tout le Gard, un arrondissement ou une intercommunalité)">
          {(props) => (
            <select {...props} name="territoire" defaultValue={territoryCode === 'dep:30' ? '' : territoryCode}>
              <option value="">Tout le Gard</option>
              {territories.map((group) => (
                <optgroup key={group.level} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit">Afficher</button>
        </div>
      </Form>

      <section aria-labelledby="telechargements" className="stack">
        <h2 id="telechargements">Télécharger</h2>
        <ul>
          <li>
            <a href={`/donnees/indicateurs.csv?${query}`} download>{`CSV — ${territoryName}, ${year}`}</a>
          </li>
          <li>
            <a href={`/donnees/indicateurs.json?${query}`}>{`JSON — ${territoryName}, ${year}`}</a>
          </li>
          <li>
            <a href="/donnees/schema.json">Schéma des données (Table Schema : champs, types, unités et définitions)</a>
          </li>
        </ul>
        <p className="meta">
          Paramètres des adresses : <code>annee</code> (de {about.firstYear} à l’année en cours) et <code>territoire</code> (
          <code>arr:302</code> pour un arrondissement, <code>epci:243000643</code> pour une intercommunalité, absent pour tout le
          Gard). Les communes ne sont pas publiées : trop petites.
        </p>
      </section>

      <section aria-labelledby="secret" className="stack">
        <h2 id="secret">Secret statistique</h2>
        <p>{about.suppressionRule}</p>
      </section>

      <p>{`${territoryName}, année ${year} : situation au ${formatDate(referenceDay)}.`}</p>

      {INDICATOR_SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-titre`} className="stack">
          <h2 id={`${section.id}-titre`}>{section.title}</h2>
          {measures
            .filter((measure) => measure.action === section.action)
            .map((measure) => (
              <article key={measure.id} aria-labelledby={`mesure-${measure.id}`}>
                <h3 id={`mesure-${measure.id}`}>{measure.label}</h3>
                <p>
                  <strong>Définition : </strong>
                  {measure.definition}
                </p>
                {measure.cells.length === 1 && measure.cells[0]?.category === null ? (
                  <p>
                    <strong>Valeur : </strong>
                    {shown(measure.cells[0], measure.unit, about.minCount)}
                  </p>
                ) : measure.cells.length === 0 ? (
                  <p className="empty">Aucune donnée pour ces critères.</p>
                ) : (
                  <TableScroll label={measure.label}>
                    <table>
                      <caption>{measure.label}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Catégorie</th>
                          <th scope="col">Valeur</th>
                        </tr>
                      </thead>
                      <tbody>
                        {measure.cells.map((cell) => (
                          <tr key={cell.category}>
                            <th scope="row">{cell.category}</th>
                            <td>{shown(cell, measure.unit, about.minCount)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                )}
                <p className="meta">{`Mesure « ${measure.id} »`}</p>
              </article>
            ))}
        </section>
      ))}

      <section aria-labelledby="licence" className="stack">
        <h2 id="licence">Licence et sources</h2>
        <p>
          {'Ces données sont publiées sous '}
          <a href={about.licence.path}>{about.licence.name}</a>
          {' : réutilisation libre, y compris commerciale, en mentionnant la source « Département du Gard — Passerelles » et la date de mise à jour.'}
        </p>
        <p>{`Source : ${about.source}`}</p>
        <p>
          Territoires : communes, arrondissements et intercommunalités d’après le découpage administratif d’Etalab (Licence
          Ouverte). Un enregistrement est situé par la commune du bien (lieux), du collège (stages) ou de la structure
          d’accueil (compétences). Voir aussi <Link to="/transparence">la transparence algorithmique</Link>.
        </p>
      </section>
    </div>
  );
}
