import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { listPublications, moderate, parsePublicationFilters } from '~/.server/admin/moderation';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { Pagination } from '~/components/pagination';
import { TableScroll } from '~/components/table-scroll';
import { formatDate, kindLabels, statusLabels } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Modération — Mission ESS — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const filters = parsePublicationFilters(new URL(request.url).searchParams);
  try {
    return { ...(await listPublications(context.services, user, filters)), filters };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { status } = await moderate(context.services, user, {
      type: form.get('type'),
      id: form.get('id'),
      action: form.get('action'),
      reason: form.get('reason'),
    });
    return { ok: true as const, message: status === 'ARCHIVED' ? 'Publication retirée ; son auteur a reçu le motif.' : 'Publication remise en ligne.' };
  } catch (error) {
    return formFailure(error);
  }
}

export default function Moderation() {
  const { items, total, pageCount, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const params = (page?: number) =>
    new URLSearchParams(Object.entries({ ...filters, page: page ? String(page) : undefined }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const query = (page: number) => `?${params(page)}`;
  return (
    <>
      <p>
        <Link to="/admin">Mission ESS</Link>
      </p>
      <h1>Modération des publications</h1>
      <Form method="get" className="filters">
        <Field id="type" label="Publications">
          {(props) => (
            <select {...props} name="type" defaultValue={filters.type}>
              <option value="besoin">Besoins</option>
              <option value="offre">Offres</option>
            </select>
          )}
        </Field>
        <Field id="kind" label="Type">
          {(props) => (
            <select {...props} name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">Tous</option>
              {(['COMPETENCE', 'LIEU', 'STAGE'] as const).map((kind) => (
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
              <option value="">Tous</option>
              <option value="PUBLISHED">{statusLabels.PUBLISHED}</option>
              <option value="ARCHIVED">{statusLabels.ARCHIVED}</option>
              <option value="PENDING_APPROVAL">{statusLabels.PENDING_APPROVAL}</option>
            </select>
          )}
        </Field>
        <Field id="q" label="Texte">
          {(props) => <input {...props} name="q" type="search" defaultValue={filters.q ?? ''} />}
        </Field>
        <button type="submit">Filtrer</button>
      </Form>
      <FormResult result={result} />
      <p>
        <span role="status">{`${total} publication${total > 1 ? 's' : ''}`}</span>
        {total > 0 ? (
          <>
            {' · '}
            <a href={`/admin/publications/export.csv?${params()}`} download>
              Exporter cette liste (CSV)
            </a>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        <div className="empty">
          <p>Aucune publication ne correspond à ces filtres.</p>
          <p>
            Changez de type de publication ou d’état, raccourcissez le texte recherché, ou{' '}
            <Link to="/admin/publications">revenez à la liste complète</Link>.
          </p>
        </div>
      ) : (
        <TableScroll label="Tableau des publications">
          <table>
            <caption className="visually-hidden">Publications</caption>
            <thead>
              <tr>
                <th scope="col">Intitulé</th>
                <th scope="col">Type</th>
                <th scope="col">Auteur</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {filters.type === 'offre' ? <Link to={`/offres/${item.id}`}>{item.title}</Link> : item.title}
                    <br />
                    <span className="meta">{`${item.commune.name} · ${formatDate(item.createdAt)}`}</span>
                  </td>
                  <td>{kindLabels[item.kind].singular}</td>
                  <td>{item.organisation?.name ?? item.owner.email}</td>
                  <td>{statusLabels[item.status]}</td>
                  <td>
                    <Form method="post" className="stack">
                      <input type="hidden" name="type" value={filters.type} />
                      <input type="hidden" name="id" value={item.id} />
                      {item.status === 'PUBLISHED' ? (
                        <>
                          <input type="hidden" name="action" value="withdraw" />
                          <Field id={`reason-${item.id}`} label="Motif du retrait">
                            {(props) => <input {...props} name="reason" required />}
                          </Field>
                          <button type="submit" className="button-secondary" disabled={busy}>
                            Retirer<span className="visually-hidden">{` « ${item.title} »`}</span>
                          </button>
                        </>
                      ) : item.status === 'ARCHIVED' ? (
                        <>
                          <input type="hidden" name="action" value="republish" />
                          <button type="submit" className="button-secondary" disabled={busy}>
                            Remettre en ligne<span className="visually-hidden">{` « ${item.title} »`}</span>
                          </button>
                        </>
                      ) : null}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={query} />
    </>
  );
}
