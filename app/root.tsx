import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { getCurrentUser } from '~/.server/auth/session';
import stylesheet from '~/styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Passerelles — ESS du Gard' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(context.services, request);
  return {
    user: user ? { email: user.email } : null,
    demoMode: context.services.env.demoMode,
    localOutbox: context.services.env.email.kind === 'local',
  };
}

function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <div className="container header-inner">
            <Link to="/" className="brand">
              <span className="brand-name">Passerelles</span>
              <span className="brand-tagline">Économie sociale et solidaire — Département du Gard</span>
            </Link>
            <nav aria-label="Navigation principale">
              <ul className="nav-list">
                <li>
                  <NavLink to="/offres">Offres</NavLink>
                </li>
                <li>
                  <NavLink to="/carte">Carte</NavLink>
                </li>
                {root?.user ? (
                  <>
                    <li>
                      <NavLink to="/mises-en-relation">Mises en relation</NavLink>
                    </li>
                    <li>
                      <NavLink to="/conventions">Conventions</NavLink>
                    </li>
                    <li>
                      <NavLink to="/compte">Mon compte</NavLink>
                    </li>
                    <li>
                      <Form method="post" action="/deconnexion">
                        <button type="submit" className="link-button">
                          Se déconnecter
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <li>
                    <NavLink to="/connexion">Se connecter</NavLink>
                  </li>
                )}
              </ul>
            </nav>
          </div>
          {root?.demoMode ? (
            <p className="demo-banner">
              Démonstration : les personnes et structures sont fictives.{' '}
              {root.localOutbox ? <Link to="/outbox">Voir les courriels envoyés</Link> : null}
            </p>
          ) : null}
        </header>
        <main id="contenu" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              Passerelles — plan départemental de l’économie sociale et solidaire 2024-2028, Département du Gard.
              Logiciel libre. <Link to="/verification">Vérifier une convention</Link> ·{' '}
              <Link to="/transparence">Comment fonctionnent les suggestions (transparence algorithmique)</Link> ·{' '}
              <Link to="/donnees">Données ouvertes</Link>
            </p>
            <p>
              Contours : IGN Admin Express COG 2018 (Licence Ouverte) ; communes : Etalab, découpage administratif
              (Licence Ouverte).
            </p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export { Layout };

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = 'Une erreur est survenue';
  let message = 'Le service a rencontré un problème inattendu. Réessayez dans quelques instants.';
  if (isRouteErrorResponse(error)) {
    const detail = (error.data as { message?: unknown } | undefined)?.message;
    if (error.status === 404) {
      title = 'Page introuvable';
      message = typeof detail === 'string' ? detail : 'La page demandée n’existe pas ou a été déplacée.';
    } else if (error.status === 403) {
      title = 'Accès refusé';
      message = typeof detail === 'string' ? detail : 'Vous n’avez pas accès à cette page.';
    } else if (error.status < 500 && typeof detail === 'string') {
      title = 'Demande impossible';
      message = detail;
    }
  }
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Retour à l’accueil</Link> · <Link to="/offres">Parcourir les offres</Link>
      </p>
    </div>
  );
}
