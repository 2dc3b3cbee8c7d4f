import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { hasRole } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { collegeAllocations, startAllocation } from '~/.server/allocation/cohort-allocation';
import { deletePupil, importPupils, listPupils, MAX_PUPIL_FILE_BYTES, setPupilPriority } from '~/.server/pupils/pupils';
import { getCollegeSpace } from '~/.server/spaces';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { ItemTable } from '~/components/item-table';
import { Pagination } from '~/components/pagination';
import { formatDate } from '~/lib/labels';
import { statusLabels } from '../../matching/conventions/lifecycle';
import { TableScroll } from '~/components/table-scroll';

const allocationStatusLabels = { PROPOSED: 'à relire', VALIDATED: 'validée', DISCARDED: 'abandonnée' } as const;

export const meta: MetaFunction = () => [{ title: 'Espace collège — Passerelles' }];

const pageSchema = z.coerce.number().int().min(1).catch(1);
/** The pupils' section, where the search and the pages of the list lead back to. */
const PUPILS_ANCHOR = 'eleves';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const id = params.organisationId ?? '';
  const searchParams = new URL(request.url).searchParams;
  const page = pageSchema.parse(searchParams.get('page') ?? 1);
  const search = (searchParams.get('q') ?? '').trim().slice(0, 100);
  try {
    const organisation = await getCollegeSpace(context.services, user, id);
    // The Mission ESS may read the collège's needs, never its list of pupils (minors).
    const staff = hasRole(user, 'COLLEGE_STAFF', id);
    const pupils = staff ? await listPupils(context.services, user, id, { page, search }) : null;
    const allocations = staff ? await collegeAllocations(context.services, user, id) : null;
    return { organisation, pupils, allocations, page, search };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const id = params.organisationId ?? '';
  try {
    let form: FormData;
    try {
      form = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
        ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_PUPIL_FILE_BYTES }))
        : await request.formData();
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        throw new AppError('VALIDATION', 'Aucun élève importé.', { fieldErrors: { file: ['Le fichier dépasse 1 Mo.'] } });
      }
      throw error;
    }
    const intent = form.get('intent');
    if (intent === 'import') {
      const file = form.get('file');
      const upload = file instanceof File && file.size > 0 ? { text: await file.text(), size: file.size } : null;
      const { imported } = await importPupils(context.services, user, id, upload);
      return { ok: true as const, message: `${imported} élève(s) importé(s).` };
    }
    if (intent === 'allocate') {
      const { jobId } = await startAllocation(context.services, user, String(form.get('needId') ?? ''));
      return redirect(`/travaux/${jobId}`);
    }
    if (intent === 'priority') {
      const { priority } = await setPupilPriority(context.services, user, id, String(form.get('pupilId') ?? ''), form.get('priority') === 'true');
      return { ok: true as const, message: priority ? 'Élève marqué(e) prioritaire pour l’affectation.' : 'Priorité retirée.' };
    }
    if (intent === 'delete') {
      await deletePupil(context.services, user, id, String(form.get('pupilId') ?? ''));
      return { ok: true as const, message: 'L’élève a été retiré de la liste et ses données supprimées.' };
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    return formFailure(error);
  }
}

export default function CollegeSpace() {
  const { organisation, pupils, allocations, page, search } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const spacePath = `/espace/college/${organisation.id}`;
  const flags = [organisation.rep && 'REP', organisation.repPlus && 'REP+', organisation.qpv && 'QPV'].filter(Boolean);
  return (
    <div className="stack">
      <h1>{organisation.name}</h1>
      <p className="meta">
        {`${organisation.commune?.name ?? ''} · UAI ${organisation.uai ?? '—'}`}
        {flags.length ? ` · ${flags.join(', ')}` : ''}
      </p>
      <p>
        <Link to={`/publier/besoin-stage?organisation=${organisation.id}`}>Chercher des stages de 3e pour une classe</Link>
      </p>
      <h2>Besoins de stages de 3e</h2>
      <ItemTable
        caption="Besoins du collège : ouvrez-en un pour voir les stages suggérés"
        rows={organisation.needs.map((need) => ({ ...need, href: `/besoins/${need.id}/suggestions` }))}
        empty="Aucun besoin de stage pour le moment."
      />

      {allocations ? (
        <section aria-labelledby="affectation" className="stack">
          <h2 id="affectation">Affectation des élèves</h2>
          <p>
            Pour un besoin où les élèves partent chacun de leur côté, Passerelles propose un stage à chaque élève encore sans
            convention cette semaine : les élèves prioritaires d’abord, puis le plus d’élèves possible, au plus près de leurs
            centres d’intérêt. Vous relisez et modifiez la proposition avant de l’envoyer aux structures.
          </p>
          {allocations.length === 0 ? (
            <p className="empty">
              Aucun besoin publié pour des élèves placés un par un. <Link to={`/publier/besoin-stage?organisation=${organisation.id}`}>Publiez un besoin</Link>{' '}
              en choisissant « Individuellement ».
            </p>
          ) : (
            <ul className="stack">
              {allocations.map((need) => (
                <li key={need.id}>
                  <strong>{need.title}</strong>
                  {need.week ? ` · semaine du ${formatDate(need.week)}` : ''}
                  {need.latest ? (
                    <>
                      {' · '}
                      {need.latest.job.status === 'QUEUED' || need.latest.job.status === 'RUNNING' ? (
                        <Link to={`/travaux/${need.latest.jobId}`}>calcul en cours, voir l’avancement</Link>
                      ) : need.latest.job.status === 'FAILED' ? (
                        <span>{`dernier calcul en échec : ${need.latest.job.error ?? ''}`}</span>
                      ) : (
                        <Link to={`/affectations/${need.latest.id}`}>{`proposition du ${formatDate(need.latest.createdAt)} (${allocationStatusLabels[need.latest.status]})`}</Link>
                      )}
                    </>
                  ) : null}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="allocate" />
                    <input type="hidden" name="needId" value={need.id} />
                    <button type="submit" disabled={busy}>
                      {need.latest ? 'Relancer l’affectation' : 'Affecter les élèves'}
                      <span className="visually-hidden">{` pour ${need.title}`}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {pupils ? (
      <section aria-labelledby={PUPILS_ANCHOR} className="stack">
        <h2 id={PUPILS_ANCHOR}>{`Élèves (${pupils.total})`}</h2>
        <p>
          Seules les données nécessaires à la convention sont conservées : nom, prénom, classe, date de naissance et
          e-mail d’un représentant légal. Elles ne sont visibles que du collège, puis, pour les élèves placés, de la
          structure d’accueil et de la Mission ESS.
        </p>
        <FormResult result={result} details={errors?.fieldErrors.file} />
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="import" />
          <Field
            id="pupils-file"
            label="Importer une liste d’élèves (CSV)"
            hint="(colonnes : nom ; prénom ; classe ; date de naissance JJ/MM/AAAA ; e-mail du représentant légal ; facultatives : prioritaire (oui/non), centres d’intérêt — 1 Mo au plus ; si une ligne est fausse, rien n’est importé)"
          >
            {(props) => <input {...props} type="file" name="file" accept=".csv,text/csv" required />}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Import en cours…' : 'Importer'}
          </button>
        </Form>
        {pupils.total > 0 ? (
          <Form method="get" action={`${spacePath}#${PUPILS_ANCHOR}`} role="search" aria-label="Rechercher dans la liste des élèves" className="inline-form">
            <Field id="pupils-search" label="Rechercher un élève" hint="(nom, prénom ou classe)">
              {(props) => <input {...props} key={search} type="search" name="q" maxLength={100} defaultValue={search} />}
            </Field>
            <button type="submit">Rechercher</button>
            {search ? <Link to={`${spacePath}#${PUPILS_ANCHOR}`}>Voir tous les élèves</Link> : null}
          </Form>
        ) : null}
        {search && pupils.found > 0 ? <p>{`${pupils.found} élève(s) sur ${pupils.total} pour « ${search} ».`}</p> : null}
        {pupils.total === 0 ? (
          <p className="empty">Aucun élève pour le moment : importez la liste d’une classe pour préparer leurs conventions de stage.</p>
        ) : search && pupils.found === 0 ? (
          <p className="empty">{`Aucun élève ne correspond à « ${search} » : vérifiez l’orthographe, ou cherchez une classe (par exemple « 3e B »).`}</p>
        ) : (
          <TableScroll label="Élèves du collège">
          <table>
            <caption className="visually-hidden">Élèves du collège</caption>
            <thead>
              <tr>
                <th scope="col">Élève</th>
                <th scope="col">Classe</th>
                <th scope="col">Date de naissance</th>
                <th scope="col">Stage</th>
                <th scope="col">Priorité</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pupils.pupils.map((pupil) => (
                <tr key={pupil.id}>
                  <td>{`${pupil.lastName} ${pupil.firstName}`}</td>
                  <td>{pupil.className}</td>
                  <td>{pupil.birthDate ? formatDate(pupil.birthDate) : '—'}</td>
                  <td>
                    {pupil.conventions.length === 0
                      ? 'Pas encore de stage'
                      : pupil.conventions.map((c) => (
                          <Link key={c.id} to={`/conventions/${c.id}`}>{`${c.reference} (${statusLabels[c.status]})`}</Link>
                        ))}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="priority" />
                      <input type="hidden" name="pupilId" value={pupil.id} />
                      <input type="hidden" name="priority" value={pupil.priority ? 'false' : 'true'} />
                      {pupil.priority ? <span className="badge">prioritaire</span> : null}{' '}
                      <button type="submit" className="link-button" disabled={busy}>
                        {pupil.priority ? 'Retirer la priorité' : 'Marquer prioritaire'}
                        <span className="visually-hidden">{` : ${pupil.firstName} ${pupil.lastName}`}</span>
                      </button>
                    </Form>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="pupilId" value={pupil.id} />
                      <button type="submit" className="button-secondary" disabled={busy}>
                        Retirer<span className="visually-hidden">{` ${pupil.firstName} ${pupil.lastName}`}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
        <Pagination page={page} pageCount={pupils.pageCount} hrefFor={(p) => `?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}#${PUPILS_ANCHOR}`} />
      </section>
      ) : null}
    </div>
  );
}
