import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listLocalOutbox } from '~/.server/email/local-outbox';
import { throwAsResponse } from '~/.server/http/route-errors';
import { assertLocalOutboxAccess } from '~/.server/outbox-access';
import { Pagination } from '~/components/pagination';
import { outboxStatusLabels } from '~/lib/outbox-labels';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction = () => [{ title: 'Boîte d’envoi locale — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    await assertLocalOutboxAccess(context.services, request);
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
    return await listLocalOutbox(context.services.prisma, { page, pageSize: 20 });
  } catch (error) {
    throwAsResponse(error);
  }
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });

export default function Outbox() {
  const outbox = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Boîte d’envoi locale</h1>
      <p>
        Sans clé Resend, Passerelles n’envoie aucun courriel : chacun est rangé ici et écrit en fichier .eml dans le
        dossier de la boîte d’envoi (variable OUTBOX_DIR), que toute messagerie sait ouvrir.
      </p>
      {outbox.emails.length === 0 ? (
        <p className="empty">Aucun courriel pour le moment.</p>
      ) : (
        <TableScroll label="Courriels de la boîte d’envoi locale">
          <table>
            <caption>{`${outbox.total} courriel(s), du plus récent au plus ancien`}</caption>
            <thead>
              <tr>
                <th scope="col">Objet</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Créé le</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {outbox.emails.map((email) => (
                <tr key={email.id}>
                  <td>
                    <Link to={`/outbox/${email.id}`}>{email.subject}</Link>
                  </td>
                  <td>{email.to}</td>
                  <td>{dateTime.format(new Date(email.createdAt))}</td>
                  <td>{outboxStatusLabels[email.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={outbox.page} pageCount={outbox.pageCount} hrefFor={(page) => `/outbox?page=${page}`} />
    </>
  );
}
