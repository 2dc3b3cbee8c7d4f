import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { countsByKind } from '~/.server/catalogue';
import { kindLabels, plural } from '~/lib/labels';

export const meta: MetaFunction = () => [
  { title: 'Passerelles — compétences, lieux et stages pour l’ESS du Gard' },
  {
    name: 'description',
    content: 'Mise en relation des structures de l’économie sociale et solidaire du Gard avec des compétences, des lieux et des stages.',
  },
];

export async function loader({ context }: LoaderFunctionArgs) {
  return { counts: await countsByKind(context.services) };
}

const explanations = {
  COMPETENCE:
    'Des agents du Département mettent leurs compétences à disposition des structures d’intérêt général, fondations et associations reconnues d’utilité publique.',
  LIEU: 'Des bâtiments, terrains et toitures vacants du Département sont proposés en occupation temporaire, à une structure seule ou à un groupement mené par un chef de file.',
  STAGE:
    'Des structures de l’ESS accueillent des élèves de 3e pour une semaine d’observation ; les collèges y placent leurs élèves, en priorité ceux qui n’ont pas de réseau.',
} as const;

export default function Home() {
  const { counts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Passerelles, la mise en relation de l’économie sociale et solidaire du Gard</h1>
      <p className="lead">
        Un seul endroit où les offres du Département et des structures de l’ESS rencontrent les besoins : des
        compétences, des lieux et des stages de 3e. Chaque rapprochement est expliqué et aboutit à une convention signée
        en ligne.
      </p>
      <h2>Trois façons de coopérer</h2>
      <ul className="cards">
        {counts.map(({ kind, offers, needs }) => {
          const label = kindLabels[kind];
          return (
            <li key={kind} className="card">
              <h3>
                {label.plural} <span className="badge">{`Plan ESS, ${label.action}`}</span>
              </h3>
              <p>{explanations[kind]}</p>
              <p>
                <span className="count">{offers.toLocaleString('fr-FR')}</span>{' '}
                {offers > 1 ? 'offres publiées' : 'offre publiée'}
                <br />
                <span className="meta">{plural(needs, 'besoin ouvert', 'besoins ouverts')}</span>
              </p>
              <p>
                <Link to={`/offres?type=${label.slug}`}>
                  Voir les offres : {label.plural.toLowerCase()}
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
      <h2>Comment ça marche ?</h2>
      <ol>
        <li>Les structures, les agents, les collèges et les services du patrimoine publient leurs offres et besoins.</li>
        <li>Passerelles propose des rapprochements qui respectent toutes les conditions, avec une explication en clair.</li>
        <li>Quand les deux parties acceptent, une convention est générée et signée en ligne par chacun.</li>
      </ol>
      <p>
        <Link className="button" to="/connexion">
          Se connecter pour publier
        </Link>
      </p>
    </>
  );
}
