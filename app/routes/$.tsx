import { data } from '@remix-run/node';

export async function loader() {
  throw data({ message: 'La page demandée n’existe pas ou a été déplacée.' }, { status: 404 });
}

export default function NotFound() {
  return null;
}
