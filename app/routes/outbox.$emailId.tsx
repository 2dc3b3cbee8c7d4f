import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getLocalOutboxEmail } from '~/.server/email/local-outbox';
import { throwAsResponse } from '~/.server/http/route-errors';
import { assertLocalOutboxAccess } from '~/.server/outbox-access';
import { outboxStatusLabels } from '~/lib/outbox-labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.email.subject} — Boîte d’envoi locale` : 'Courriel — Passerelles' },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  try {
    await assertLocalOutboxAccess(context.services, request);
    return { email: await getLocalOutboxEmail(context.services.prisma, params.emailId ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function OutboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <article className="stack" style={{ maxWidth: 'none' }}>
      <p>
        <Link to="/outbox">← Boîte d’envoi locale</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className="facts">
        <dt>Destinataire</dt>
        <dd>{email.to}</dd>
        <dt>État</dt>
        <dd>
          {outboxStatusLabels[email.status]}
          {email.lastError ? ` — dernière erreur : ${email.lastError}` : ''}
        </dd>
        {email.emlFile ? (
          <>
            <dt>Fichier</dt>
            <dd>{email.emlFile}</dd>
          </>
        ) : null}
      </dl>
      <h2>Version texte</h2>
      <pre style={{ whiteSpace: 'pre-wrap' }}>{email.text}</pre>
      <h2>Version mise en forme</h2>
      <iframe title={`Aperçu du courriel : ${email.subject}`} className="email-preview" sandbox="" srcDoc={email.html} />
    </article>
  );
}
