import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { listUserSpaces } from '~/.server/spaces';
import { roleLabels } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Mon compte — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  return {
    email: user.email,
    roles: [...new Set(user.roles.map((grant) => grant.role))],
    spaces: await listUserSpaces(context.services, user),
  };
}

export default function Account() {
  const { email, roles, spaces } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Mon compte</h1>
      <dl className="facts">
        <dt>Adresse électronique</dt>
        <dd>{email}</dd>
        <dt>Rôles</dt>
        <dd>{roles.length ? roles.map((role) => roleLabels[role]).join(', ') : 'aucun rôle pour le moment'}</dd>
      </dl>
      <h2>Mes espaces</h2>
      {spaces.length ? (
        <ul>
          {spaces.map((space) => (
            <li key={space.href}>
              <Link to={space.href}>{space.label}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">
          Votre compte n’est rattaché à aucune structure, aucun collège ni aucun service pour l’instant. Un membre de
          votre structure peut vous inviter ; la Mission ESS du Département peut aussi vous y rattacher.
        </p>
      )}
      <ul>
        <li>
          <Link to="/structures/nouvelle">Inscrire une nouvelle structure de l’ESS</Link>
        </li>
        <li>
          <Link to="/colleges/nouveau">Déclarer un collège</Link> (personnel de collège)
        </li>
      </ul>
    </div>
  );
}
