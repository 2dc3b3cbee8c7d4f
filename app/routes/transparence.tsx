import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { publicRules } from '~/.server/transparency/public-rules';
import { TableScroll } from '~/components/table-scroll';
import { formatDate } from '~/lib/labels';
import { CADA, decimalFr, MISSION_ESS_CONTACT, TRANSPARENCY_PAGE_TITLE, TREATMENT_PURPOSES } from '~/lib/transparency';

export const meta: MetaFunction = () => [
  { title: `${TRANSPARENCY_PAGE_TITLE} — Passerelles` },
  {
    name: 'description',
    content: 'Les règles des suggestions de mise en relation et de l’affectation des élèves de 3e, publiées par le Département du Gard.',
  },
];

/** Public: no sign-in, no personal data, only the engine's rules and constants. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { rules: await publicRules(context.services) };
}

const percent = (weight: number) => `${Math.round(weight * 100)} %`;

export default function Transparency() {
  const { rules } = useLoaderData<typeof loader>();
  const { suggestion, allocation } = rules;
  const closeFit = decimalFr(allocation.closeFit / allocation.fitScale);
  return (
    <div className="stack">
      <h1>{TRANSPARENCY_PAGE_TITLE}</h1>
      <p className="lead">
        Passerelles utilise deux traitements algorithmiques : les suggestions de mise en relation et l’affectation des
        élèves de 3e d’une classe. Le Département du Gard en publie ici les règles et les principales caractéristiques
        (article L312-1-3 du code des relations entre le public et l’administration). Les nombres de cette page sont lus
        dans le code qui fait les calculs : ils sont toujours ceux appliqués.
      </p>

      <section aria-labelledby="qui-decide" className="stack">
        <h2 id="qui-decide">L’algorithme propose, des personnes décident</h2>
        <p>
          Aucun de ces traitements ne prend de décision seul. Une suggestion n’engage personne : chaque partie (la
          structure, le collège, l’agent, le service du patrimoine) la propose, l’accepte ou la refuse elle-même, et
          motive un refus. Une affectation calculée est une proposition que le collège relit, modifie élève par élève
          s’il le souhaite, puis valide ; chaque structure d’accueil accepte ou refuse ensuite. Pour un lieu faisant
          l’objet d’un appel à occupation, la décision des élus désigne la candidature retenue. Une convention n’existe
          qu’une fois signée par les parties.
        </p>
      </section>

      <section aria-labelledby="suggestions" className="stack">
        <h2 id="suggestions">Les suggestions de mise en relation</h2>
        <p>{`Finalité : ${TREATMENT_PURPOSES.suggestion}.`}</p>

        <h3>Conditions impératives, par type</h3>
        <p>
          Une offre qui ne respecte pas une seule de ces conditions n’est jamais suggérée, quel que soit son score.
          Seuls les offres et les besoins publiés (et non retirés par la Mission ESS) sont examinés.
        </p>
        {suggestion.filters.map((group) => (
          <div key={group.kind}>
            <h4>{group.name}</h4>
            <ul>
              {group.rules.map((rule) => (
                <li key={rule.title}>
                  <strong>{`${rule.title} : `}</strong>
                  {rule.description}
                </li>
              ))}
            </ul>
          </div>
        ))}

        <h3>Le score de pertinence et ses pondérations</h3>
        <p>Les offres qui respectent toutes les conditions sont classées par un score entre 0 et 1, somme pondérée de trois composantes :</p>
        <TableScroll label="Composantes du score de pertinence">
          <table>
            <caption>Composantes du score de pertinence</caption>
            <thead>
              <tr>
                <th scope="col">Composante</th>
                <th scope="col">Poids</th>
                <th scope="col">Calcul</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Similarité des textes</th>
                <td>{`${decimalFr(suggestion.weights.similarity)} (${percent(suggestion.weights.similarity)})`}</td>
                <td>
                  {`Le titre, la description et les listes (compétences, activités, centres d’intérêt) du besoin et de l’offre sont transformés en vecteurs — ${rules.textModel} — ; la similarité est le cosinus de ces vecteurs, ramené entre 0 et 1.`}
                </td>
              </tr>
              <tr>
                <th scope="row">Proximité</th>
                <td>{`${decimalFr(suggestion.weights.proximity)} (${percent(suggestion.weights.proximity)})`}</td>
                <td>
                  {`1 − distance ÷ distance maximale du besoin : 1 dans la même commune, 0 à la limite. Une compétence qui peut s’exercer à distance compte au moins ${decimalFr(suggestion.remoteProximity)}, pour ne pas écarter les personnes pertinentes qui peuvent venir sur place.`}
                </td>
              </tr>
              <tr>
                <th scope="row">Fraîcheur de l’offre</th>
                <td>{`${decimalFr(suggestion.weights.freshness)} (${percent(suggestion.weights.freshness)})`}</td>
                <td>
                  {`1 le jour de la publication de l’offre, puis baisse régulièrement jusqu’à 0 après ${suggestion.freshnessHorizonDays} jours ; ${decimalFr(suggestion.undatedFreshness)} pour une offre sans date de publication.`}
                </td>
              </tr>
              <tr>
                <th scope="row">Priorité</th>
                <td>{`+ ${decimalFr(suggestion.priorityBonus)}`}</td>
                <td>
                  Ajouté pour un besoin de stage d’un collège en éducation prioritaire (REP, REP+), en quartier prioritaire de la
                  politique de la ville (QPV) ou situé dans une commune France Ruralités Revitalisation (FRR) : ces élèves ont
                  moins de réseau.
                </td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <p>
          Le score est arrondi au millième et affiché en pourcentage (« pertinence 72 % »). À score égal, l’ordre suit les
          identifiants des offres ou des besoins : il est arbitraire mais toujours le même.
        </p>

        <h3>Les opérations effectuées</h3>
        <ol>
          <li>
            {`Parmi les offres (ou les besoins) publiés du même type qui respectent les conditions, Passerelles présélectionne les ${suggestion.candidatePool} dont le texte est le plus proche.`}
          </li>
          <li>Le moteur vérifie de nouveau chaque condition impérative sur chacun d’eux, puis calcule son score.</li>
          <li>{`Les ${suggestion.shown} premiers sont affichés, du plus pertinent au moins pertinent.`}</li>
          <li>
            Chaque suggestion est expliquée à partir des faits qui l’ont produite : notions communes aux deux textes
            (repérées grâce au thésaurus), distance, dates ou semaine, surface, accessibilité, taille du groupe,
            éligibilité. Le score n’est jamais donné seul.
          </li>
          <li>
            Pour un lieu, quand plusieurs besoins respectent chacun les conditions du bien et que leurs surfaces tiennent
            ensemble dans la sienne, un regroupement est proposé, mené par la structure qui demande le plus de surface.
          </li>
        </ol>
      </section>

      <section aria-labelledby="affectation" className="stack">
        <h2 id="affectation">L’affectation des élèves d’une classe</h2>
        <p>{`Finalité : ${TREATMENT_PURPOSES.allocation}.`}</p>
        <p>
          Le collège la lance pour un de ses besoins de stages (une semaine, élèves placés un par un). Chaque élève du
          collège qui n’a pas encore de convention cette semaine-là est pris en compte, à partir de la commune indiquée
          dans le besoin et dans la distance maximale du besoin.
        </p>
        <h3>Conditions impératives</h3>
        <ul>
          <li>La semaine du besoin fait partie des semaines proposées par la structure d’accueil.</li>
          <li>La distance à vol d’oiseau entre les centres des deux communes ne dépasse pas la distance maximale du besoin.</li>
          <li>Une structure n’accueille pas plus d’élèves que ses places libres de la semaine (ses places moins celles déjà prises par une convention).</li>
        </ul>
        <h3>L’objectif, dans cet ordre strict</h3>
        <ol>
          <li>placer le plus grand nombre possible d’élèves prioritaires (sans réseau, désignés par le collège) ;</li>
          <li>puis placer le plus grand nombre possible d’élèves ;</li>
          <li>
            puis respecter les vœux classés des élèves, s’il y en a : d’abord le plus de premiers vœux, puis de deuxièmes
            vœux, et ainsi de suite (Passerelles ne recueille pas encore de vœux : ce critère ne joue pas aujourd’hui) ;
          </li>
          <li>
            {`enfin rapprocher les centres d’intérêt des élèves (quelques mots saisis par le collège, ou à défaut ceux du besoin) des activités proposées, mesurés par la même similarité de textes et comptés en millièmes (1 = ${allocation.fitScale} millièmes).`}
          </li>
        </ol>
        <p>
          Chaque critère ne départage que les répartitions égales sur les précédents : il n’y a pas de pondération entre
          eux. Le calcul est exact (flot de coût minimal) : aucune autre répartition ne fait mieux sur ces critères, dans
          cet ordre.
        </p>
        <h3>Propriétés d’équité</h3>
        <ul>
          <li>Un élève prioritaire n’est jamais privé de stage au profit d’un élève non prioritaire.</li>
          <li>Placer les élèves prioritaires d’abord ne coûte aucune place : autant d’élèves sont placés que sans priorité.</li>
          <li>Aucun élève ne reste sans stage alors qu’une place qu’il pourrait prendre est libre.</li>
          <li>Aucune autre répartition n’améliore la situation d’un élève sans dégrader celle d’un autre.</li>
          <li>Les mêmes données donnent toujours le même résultat, quel que soit l’ordre de saisie.</li>
        </ul>
        <h3>Limites connues</h3>
        <ul>
          <li>La priorité forme une seule classe : REP+, REP, QPV et zone rurale pèsent le même poids.</li>
          <li>La distance est une condition, pas une préférence : à égalité, un stage plus proche n’est pas préféré.</li>
          <li>
            À égalité parfaite, l’ordre des identifiants des élèves et des offres départage : il est arbitraire et ne suit
            ni les noms ni les résultats scolaires.
          </li>
          <li>Un élève peut préférer la place d’un autre élève qu’il aurait pu avoir : l’objectif compte les élèves placés, pas qui l’est.</li>
        </ul>
        <h3>Les opérations effectuées</h3>
        <ol>
          <li>Lecture des élèves sans convention cette semaine et des stages publiés de la semaine, dans la distance, avec leurs places libres.</li>
          <li>Calcul de la proximité des centres d’intérêt de chaque élève avec chaque stage possible.</li>
          <li>Calcul de la répartition selon l’objectif ci-dessus.</li>
          <li>
            {`Explication de chaque résultat en français : stage et distance, vœux respectés ou pourquoi ils ne l’ont pas été, « centres d’intérêt proches » à partir de ${closeFit}, priorité ; pour un élève sans stage, pourquoi (aucun stage possible à cette distance, ou tous complets).`}
          </li>
          <li>Relecture par le collège, qui peut changer le stage de chaque élève ou le laisser sans stage, puis validation et proposition aux structures.</li>
        </ol>
      </section>

      <section aria-labelledby="donnees" className="stack">
        <h2 id="donnees">Les données utilisées et leurs sources</h2>
        <ul>
          <li>
            <strong>Offres et besoins : </strong>
            ce que leurs auteurs (structures, collèges, agents du Département, services du patrimoine) ont saisi en les
            publiant : type, titre, description, compétences, activités ou centres d’intérêt, commune, distance maximale,
            période ou semaine, type de bien, surface, accessibilité, places et taille des groupes.
          </li>
          <li>
            <strong>Éligibilité des structures : </strong>
            déclarée par la structure, vérifiée par la Mission ESS.
          </li>
          <li>
            <strong>Situation des collèges : </strong>
            éducation prioritaire (REP, REP+) et quartier prioritaire déclarés par le collège ; classement France
            Ruralités Revitalisation des communes, d’après la liste publiée par l’État.
          </li>
          <li>
            <strong>Élèves : </strong>
            seulement la priorité (élève sans réseau) et les centres d’intérêt, saisis par le collège. Le nom, la classe,
            la date de naissance et le contact des responsables légaux servent aux conventions, jamais au calcul.
          </li>
          <li>
            <strong>Communes et distances : </strong>
            {`centre de chaque commune calculé à partir des contours IGN Admin Express (COG 2018, via le projet france-geojson, Licence Ouverte / Open Licence Etalab) ; liste des communes : Etalab, découpage administratif (Licence Ouverte). Les distances sont des distances à vol d’oiseau entre ces centres (formule de haversine, rayon terrestre de ${decimalFr(rules.earthRadiusKm, 1)} km).`}
          </li>
          <li>
            <strong>Thésaurus : </strong>
            {`liste de notions et de leurs synonymes tenue par la Mission ESS, qui aide à reconnaître que deux textes parlent de la même chose ; version en vigueur : ${rules.thesaurus.version === 0 ? 'celle livrée avec Passerelles (version 0)' : `version ${rules.thesaurus.version}, publiée le ${formatDate(rules.thesaurus.publishedAt ?? '')}`}.`}
          </li>
        </ul>
      </section>

      <section aria-labelledby="demander" className="stack">
        <h2 id="demander">Obtenir les règles appliquées à votre situation</h2>
        <p>
          Toute personne qui fait l’objet d’une suggestion ou d’une affectation peut demander la communication des règles
          de ce traitement et de la façon dont elles lui ont été appliquées (articles L311-3-1 et R311-3-1-2 du code des
          relations entre le public et l’administration). Elle reçoit, sous une forme intelligible :
        </p>
        <ol>
          <li>le degré et le mode de contribution du traitement algorithmique à la décision ;</li>
          <li>les données traitées et leurs sources ;</li>
          <li>les paramètres de traitement et leur pondération, appliqués à sa situation ;</li>
          <li>les opérations effectuées par le traitement.</li>
        </ol>
        <p>
          Écrivez à la Mission ESS du Département : <a href={`mailto:${MISSION_ESS_CONTACT.email}`}>{MISSION_ESS_CONTACT.email}</a>, ou par courrier à
          {` ${MISSION_ESS_CONTACT.postal}. `}
          Indiquez la mise en relation ou l’affectation concernée (titre du besoin ou de l’offre, ou, pour un élève, son
          collège et la semaine de stage). Une réponse vous est donnée dans un délai d’un mois.
        </p>
      </section>

      <section aria-labelledby="recours" className="stack">
        <h2 id="recours">Recours</h2>
        <p>
          {`En cas de refus, ou sans réponse dans le délai d’un mois (ce silence vaut refus), vous pouvez saisir la ${CADA.name} dans les deux mois, sur `}
          <a href={CADA.url}>{CADA.label}</a>
          {'. Sa saisine est obligatoire avant tout recours devant le tribunal administratif contre un refus de communication.'}
        </p>
        <p>
          Une décision prise à la suite d’une suggestion ou d’une affectation peut elle-même faire l’objet, dans les deux
          mois, d’un recours gracieux auprès du Département ou d’un recours devant le tribunal administratif de Nîmes.
        </p>
      </section>

      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </div>
  );
}
