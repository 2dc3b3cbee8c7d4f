import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { findDemoUser, listDemoAccounts } from '~/.server/auth/demo-sign-in';
import { createUserSession } from '~/.server/auth/session';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';

export const meta: MetaFunction = () => [{ title: 'Comptes de démonstration — Passerelles' }];

export async function loader({ context }: LoaderFunctionArgs) {
  try {
    return { groups: listDemoAccounts(context.services) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const userId = await findDemoUser(context.services, String(form.get('email') ?? ''));
    const cookie = await createUserSession(context.services, userId);
    return redirect('/compte', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return formFailure(error);
  }
}

export default function DemoSignIn() {
  const { groups } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>Comptes de démonstration</h1>
      <p>
        Ces personnes et structures sont fictives. Choisissez un rôle pour découvrir Passerelles sans recevoir de
        courriel.
      </p>
      {failure ? (
        <p className="alert alert-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.role}>
          <h2>{group.role}</h2>
          <ul className="cards">
            {group.accounts.map((account) => (
              <li key={account.email} className="card">
                <p>{account.label}</p>
                <p className="meta">{account.email}</p>
                <Form method="post">
                  <input type="hidden" name="email" value={account.email} />
                  <button type="submit" aria-label={`Se connecter : ${account.label}`}>
                    Se connecter
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
