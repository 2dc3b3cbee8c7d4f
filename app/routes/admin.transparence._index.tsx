import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { findReports, type FoundReport } from '~/.server/transparency/report-lookup';
import { Field } from '~/components/field';

export const meta: MetaFunction = () => [{ title: 'Rapports de transparence algorithmique — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await findReports(context.services, user, new URL(request.url).searchParams);
  } catch (error) {
    throwAsResponse(error);
  }
}

function Results({ found, empty }: { found: FoundReport[]; empty: string }) {
  if (found.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul>
      {found.map((report) => (
        <li key={report.href}>
          <Link to={report.href}>{report.label}</Link>
        </li>
      ))}
    </ul>
  );
}

export default function TransparencyReports() {
  const { query, colleges, matches, pupilLines, pupilSearchIncomplete } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">Mission ESS</Link> · <Link to="/transparence">Règles publiées</Link>
      </p>
      <h1>Rapports de transparence algorithmique</h1>
      <p>
        Quand une personne demande les règles appliquées à sa situation (article L311-3-1 du code des relations entre le public et
        l’administration), retrouvez le résultat qui la concerne puis communiquez-lui son rapport, dans le délai d’un mois.
      </p>

      <section aria-labelledby="mise-en-relation" className="stack">
        <h2 id="mise-en-relation">Une mise en relation</h2>
        <Form method="get" className="stack" role="search" aria-label="Retrouver une mise en relation">
          <Field id="q" label="Adresse de la mise en relation ou référence d’une de ses conventions" hint="(par exemple : PAS-2027-STG-7KQ2M9)">
            {(props) => <input {...props} name="q" defaultValue={query.q} autoComplete="off" spellCheck={false} />}
          </Field>
          <button type="submit">Rechercher</button>
        </Form>
        {matches ? <Results found={matches} empty="Aucune mise en relation ne correspond à cette adresse ou à cette référence." /> : null}
      </section>

      <section aria-labelledby="eleve" className="stack">
        <h2 id="eleve">L’affectation d’un élève</h2>
        <p className="hint">Saisissez le collège et le nom complet de l’élève tels que la demande les donne : aucune liste d’élèves n’est affichée.</p>
        <Form method="get" className="stack" role="search" aria-label="Retrouver l’affectation d’un élève">
          <Field id="college" label="Collège">
            {(props) => (
              <select {...props} name="college" defaultValue={query.college}>
                <option value="">Choisir…</option>
                {colleges.map((college) => (
                  <option key={college.id} value={college.id}>
                    {college.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="lastName" label="Nom de l’élève">
            {(props) => <input {...props} name="lastName" defaultValue={query.lastName} autoComplete="off" />}
          </Field>
          <Field id="firstName" label="Prénom de l’élève">
            {(props) => <input {...props} name="firstName" defaultValue={query.firstName} autoComplete="off" />}
          </Field>
          <button type="submit">Rechercher</button>
        </Form>
        {pupilSearchIncomplete ? (
          <p className="alert alert-error" role="alert">
            Indiquez le collège, le nom et le prénom de l’élève.
          </p>
        ) : null}
        {pupilLines ? <Results found={pupilLines} empty="Aucune affectation calculée pour cet élève dans ce collège." /> : null}
      </section>
    </div>
  );
}
