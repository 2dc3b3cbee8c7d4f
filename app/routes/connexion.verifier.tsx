import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { consumeLoginToken } from '~/.server/auth/login';
import { createUserSession } from '~/.server/auth/session';
import { formFailure } from '~/.server/http/route-errors';

export const meta: MetaFunction = () => [{ title: 'Confirmer la connexion — Passerelles' }];

/** Opening the link only shows a button: mail scanners pre-open links, so signing in waits for a POST. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { userId, redirectTo } = await consumeLoginToken(context.services, String(form.get('token') ?? ''));
    const cookie = await createUserSession(context.services, userId);
    return redirect(redirectTo, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return formFailure(error);
  }
}

export default function VerifyLogin() {
  const { token } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Confirmer la connexion</h1>
      {failure ? (
        <>
          <p className="alert alert-error" role="alert">
            {failure.formError}
          </p>
          <p>
            <Link to="/connexion">Demander un nouveau lien</Link>
          </p>
        </>
      ) : token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <p>Pour terminer, confirmez que vous souhaitez vous connecter à Passerelles sur cet appareil.</p>
          <button type="submit">Me connecter</button>
        </Form>
      ) : (
        <p className="alert alert-error" role="alert">
          Ce lien est incomplet. <Link to="/connexion">Demander un nouveau lien</Link>
        </p>
      )}
    </div>
  );
}
