import { Form, Link } from '@remix-run/react';
import { Field } from '~/components/field';
import { KINDS, kindLabels } from '~/lib/labels';
import { FilterWarnings } from './filter-warnings';
import { CommuneOptions } from './commune-options';

export interface ListFilterValues {
  q?: string;
  kind?: string;
  status?: string;
  commune?: string;
  from?: string;
  to?: string;
}

/**
 * The GET search form of the long lists (works without JavaScript: the filters are the address). Values the server
 * ignored are listed above it, in French.
 */
export function ListFilterForm({
  label,
  resetHref,
  filters,
  warnings,
  statuses,
  communes,
  textHint,
}: {
  label: string;
  resetHref: string;
  filters: ListFilterValues;
  warnings: string[];
  statuses: { value: string; label: string }[];
  communes: { code: string; name: string }[];
  textHint: string;
}) {
  return (
    <>
      <FilterWarnings warnings={warnings} />
      <Form method="get" className="filters" role="search" aria-label={label}>
        <Field id="q" label="Texte" hint={textHint}>
          {(props) => <input {...props} name="q" type="search" maxLength={100} defaultValue={filters.q ?? ''} />}
        </Field>
        <Field id="kind" label="Type">
          {(props) => (
            <select {...props} name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">Tous les types</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabels[kind].plural}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="status" label="État">
          {(props) => (
            <select {...props} name="status" defaultValue={filters.status ?? ''}>
              <option value="">Tous les états</option>
              {statuses.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="commune" label="Commune" hint="(du besoin ou de l’offre)">
          {(props) => (
            <select {...props} name="commune" defaultValue={filters.commune ?? ''}>
              <option value="">Tout le Gard</option>
              <CommuneOptions communes={communes} />
            </select>
          )}
        </Field>
        <fieldset className="date-range">
          <legend>Créée</legend>
          <Field id="from" label="à partir du">
            {(props) => <input {...props} name="from" type="date" defaultValue={filters.from ?? ''} />}
          </Field>
          <Field id="to" label="jusqu’au" hint="(inclus)">
            {(props) => <input {...props} name="to" type="date" defaultValue={filters.to ?? ''} />}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit">Filtrer</button>
          <Link to={resetHref}>Effacer les filtres</Link>
        </div>
      </Form>
    </>
  );
}
