import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { LOGIN_TOKEN_MINUTES, requestLoginLink, safeRedirect } from '~/.server/auth/login';
import { getCurrentUser } from '~/.server/auth/session';
import { formFailure } from '~/.server/http/route-errors';
import { Field } from '~/components/field';

export const meta: MetaFunction = () => [{ title: 'Se connecter — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getCurrentUser(context.services, request);
  return {
    redirectTo: safeRedirect(url.searchParams.get('redirectTo')),
    signedInAs: user?.email ?? null,
    demoMode: context.services.env.demoMode,
    localOutbox: context.services.env.email.kind === 'local',
    tokenMinutes: LOGIN_TOKEN_MINUTES,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { email } = await requestLoginLink(context.services, {
      email: String(form.get('email') ?? ''),
      ip: context.clientIp,
      redirectTo: safeRedirect(form.get('redirectTo')),
    });
    return { ok: true as const, email };
  } catch (error) {
    return formFailure(error);
  }
}

export default function SignIn() {
  const { redirectTo, signedInAs, demoMode, localOutbox, tokenMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  if (result?.ok) {
    return (
      <div className="stack">
        <h1>Vérifiez votre messagerie</h1>
        <p className="alert alert-success" role="status">
          {`Un lien de connexion a été envoyé à ${result.email}. Il est valable ${tokenMinutes} minutes et ne sert qu’une fois.`}
        </p>
        {localOutbox ? (
          <p>
            Les courriels de cette installation sont gardés dans la <Link to="/outbox">boîte d’envoi locale</Link>.
          </p>
        ) : null}
      </div>
    );
  }
  const errors = result && !result.ok ? result : null;
  return (
    <div className="stack">
      <h1>Se connecter</h1>
      {signedInAs ? <p className="alert">{`Vous êtes déjà connecté(e) en tant que ${signedInAs}.`}</p> : null}
      <p>
        Pas de mot de passe : indiquez votre adresse électronique, vous recevrez un lien de connexion. Les agents du
        Département utilisent leur adresse professionnelle.
      </p>
      {errors ? (
        <p className="alert alert-error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" errors={errors?.fieldErrors.form}>
          {(props) => <input {...props} name="email" type="email" autoComplete="email" required />}
        </Field>
        <div>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Envoi en cours…' : 'Recevoir un lien de connexion'}
          </button>
        </div>
      </Form>
      {demoMode ? (
        <p>
          Démonstration : <Link to="/connexion/demo">se connecter avec un compte de démonstration</Link>.
        </p>
      ) : null}
    </div>
  );
}
