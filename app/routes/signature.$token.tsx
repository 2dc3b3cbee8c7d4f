import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react';
import { openSigningLink, rejectWithLink, renewSigningLink, signWithLink } from '~/.server/conventions/signing';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';

export const meta: MetaFunction = () => [{ title: 'Signer une convention — Passerelles' }, { name: 'robots', content: 'noindex' }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return await openSigningLink(context.services, params.token ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = params.token ?? '';
  try {
    if (form.get('intent') === 'reject') {
      await rejectWithLink(context.services, token, form.get('reason'));
      return { ok: true as const, message: 'Votre refus est enregistré ; les autres parties en sont informées avec votre motif.' };
    }
    if (form.get('intent') === 'renew') {
      const { sent } = await renewSigningLink(context.services, token);
      return {
        ok: true as const,
        message: sent
          ? 'Un nouveau lien vient de vous être envoyé à la même adresse e-mail.'
          : 'Un nouveau lien vous a déjà été envoyé il y a quelques minutes : consultez votre messagerie.',
      };
    }
    const outcome = await signWithLink(
      context.services,
      token,
      { typedName: form.get('typedName'), consent: form.get('consent') },
      { ip: context.clientIp, userAgent: request.headers.get('User-Agent') ?? '' },
    );
    return {
      ok: true as const,
      message: outcome.last
        ? 'Votre signature est enregistrée. Toutes les parties ont signé : chacune reçoit la convention signée par e-mail.'
        : 'Votre signature est enregistrée. Vous recevrez la convention signée quand toutes les parties auront signé.',
    };
  } catch (error) {
    return formFailure(error);
  }
}

export default function SignaturePage() {
  const { state, message, signatory, convention } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { token = '' } = useParams();
  const errors = result && !result.ok ? result : null;
  return (
    <div className="stack">
      <h1>Signature de la convention {convention.reference}</h1>
      <p>{convention.title}</p>
      <p>{`Vous signez en tant que : ${signatory.roleLabel} — ${signatory.name}.`}</p>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{convention.version}</dd>
        <dt>Empreinte SHA-256 du document</dt>
        <dd>
          <code className="hash">{convention.sha256}</code>
        </dd>
      </dl>
      <FormResult result={result} />
      {state !== 'VALID' && !result?.ok ? <p className="alert">{message}</p> : null}
      {state === 'EXPIRED' && !result?.ok ? (
        <Form method="post">
          <input type="hidden" name="intent" value="renew" />
          <button type="submit" disabled={busy}>
            Recevoir un nouveau lien
          </button>
        </Form>
      ) : null}
      {state === 'VALID' || state === 'USED' ? (
        <p>
          <a href={`/signature/${encodeURIComponent(token)}/pdf`} target="_blank" rel="noreferrer">
            Lire la convention (PDF, version {convention.version})
          </a>
        </p>
      ) : null}
      {state === 'VALID' && !result?.ok ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="sign" />
          <Field id="typedName" label="Votre nom complet" hint={`(tel qu’il figure sur la convention : ${signatory.name})`} errors={errors?.fieldErrors.typedName}>
            {(props) => <input {...props} name="typedName" autoComplete="name" required />}
          </Field>
          <div className="checkbox">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              required
              aria-describedby={errors?.fieldErrors.consent ? 'consent-error' : undefined}
              aria-invalid={errors?.fieldErrors.consent ? true : undefined}
            />
            <label htmlFor="consent">
              J’ai lu la convention (version {convention.version}) et je la signe. Je reconnais que cette signature électronique simple m’engage comme une signature manuscrite.
            </label>
          </div>
          {errors?.fieldErrors.consent ? (
            <p id="consent-error" className="error-text">
              {errors.fieldErrors.consent.join(' ')}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            Signer la convention
          </button>
        </Form>
      ) : null}
      {state === 'VALID' && !result?.ok ? (
        <details>
          <summary>Je ne souhaite pas signer cette convention</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reject" />
            <Field id="reject-reason" label="Motif du refus" hint="(communiqué aux autres parties)" errors={errors?.fieldErrors.reason}>
              {(props) => <textarea {...props} name="reason" rows={3} required />}
            </Field>
            <button type="submit" className="button-danger" disabled={busy}>
              Refuser de signer
            </button>
          </Form>
        </details>
      ) : null}
      <section aria-labelledby="parties">
        <h2 id="parties">Où en sont les signatures</h2>
        <ul>
          {convention.parties.map((party) => (
            <li key={`${party.roleLabel}-${party.name}`}>{`${party.roleLabel} — ${party.name} : ${party.signed ? 'a signé' : 'en attente'}`}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

