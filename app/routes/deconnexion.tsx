import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { destroyUserSession } from '~/.server/auth/session';

export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = await destroyUserSession(context.services, request);
  return redirect('/', { headers: { 'Set-Cookie': cookie } });
}

export async function loader() {
  return redirect('/');
}
