import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getPublicOffer } from '~/.server/catalogue';
import { throwAsResponse } from '~/.server/http/route-errors';
import { formatDate, kindLabels, propertyTypeLabels } from '~/lib/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.offer.title} — Passerelles` : 'Offre — Passerelles' },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    return { offer: await getPublicOffer(context.services, params.offerId ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export default function OfferPage() {
  const { offer } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to="/offres">← Toutes les offres</Link>
      </p>
      <p>
        <span className={`badge badge-${kindLabels[offer.kind].slug}`}>{kindLabels[offer.kind].singular}</span>
      </p>
      <h1>{offer.title}</h1>
      <p className="lead">{offer.description}</p>
      <dl className="facts">
        <dt>Commune</dt>
        <dd>{offer.commune.name}</dd>
        {offer.organisationName ? (
          <>
            <dt>Proposée par</dt>
            <dd>{offer.organisationName}</dd>
          </>
        ) : null}
        {offer.availableFrom ? (
          <>
            <dt>Disponibilité</dt>
            <dd>
              {`à partir du ${formatDate(offer.availableFrom)}`}
              {offer.availableUntil ? ` jusqu’au ${formatDate(offer.availableUntil)}` : ''}
            </dd>
          </>
        ) : null}
        {offer.skill ? (
          <>
            <dt>Compétences</dt>
            <dd>{offer.skill.skills.join(', ')}</dd>
            <dt>Temps proposé</dt>
            <dd>{`${offer.skill.hoursPerMonth} heures par mois`}</dd>
            <dt>Déplacements</dt>
            <dd>
              {`jusqu’à ${offer.skill.radiusKm} km`}
              {offer.skill.remote ? ', ou à distance' : ''}
            </dd>
          </>
        ) : null}
        {offer.property ? (
          <>
            <dt>Type de bien</dt>
            <dd>{propertyTypeLabels[offer.property.propertyType]}</dd>
            <dt>Surface</dt>
            <dd>{`${offer.property.surfaceM2.toLocaleString('fr-FR')} m²`}</dd>
            {offer.property.floor !== null ? (
              <>
                <dt>Étage</dt>
                <dd>{offer.property.floor === 0 ? 'rez-de-chaussée' : `${offer.property.floor}e étage`}</dd>
              </>
            ) : null}
            <dt>Accès de plain-pied</dt>
            <dd>{offer.property.stepFreeAccess ? 'oui, accessible aux personnes à mobilité réduite' : 'non'}</dd>
            <dt>Conditions</dt>
            <dd>
              {offer.property.free
                ? 'mise à disposition gratuite'
                : `redevance de ${euros.format((offer.property.yearlyFeeCents ?? 0) / 100)} par an`}
              {offer.property.counterparts ? ` — contreparties : ${offer.property.counterparts}` : ''}
            </dd>
            {offer.property.callDeadline ? (
              <>
                <dt>Date limite de l’appel à occupation</dt>
                <dd>{formatDate(offer.property.callDeadline)}</dd>
              </>
            ) : null}
            {offer.property.photos.length ? (
              <>
                <dt>Photos</dt>
                <dd>
                  <ul className="photos">
                    {offer.property.photos.map((photo) => (
                      <li key={photo.id}>
                        <img src={`/photos/${photo.id}`} alt={photo.alt} loading="lazy" width={320} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </>
        ) : null}
        {offer.internship ? (
          <>
            <dt>Activités découvertes</dt>
            <dd>{offer.internship.activities.join(', ')}</dd>
            <dt>Semaines proposées</dt>
            <dd>
              <ul>
                {offer.internship.weeks.map((week) => (
                  <li key={String(week)}>{`semaine du ${formatDate(week)}`}</li>
                ))}
              </ul>
            </dd>
            <dt>Accueil</dt>
            <dd>
              {`${offer.internship.capacityPerWeek} élève(s) par semaine, groupes de ${offer.internship.maxGroupSize} au plus`}
            </dd>
            <dt>Accessibilité</dt>
            <dd>
              {offer.internship.wheelchairAccessible ? 'accessible en fauteuil roulant' : 'non accessible en fauteuil roulant'}
              {offer.internship.accessibilityNotes ? ` — ${offer.internship.accessibilityNotes}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link className="button" to={`/connexion?redirectTo=${encodeURIComponent(`/offres/${offer.id}`)}`}>
          Se connecter pour répondre
        </Link>
      </p>
    </article>
  );
}
