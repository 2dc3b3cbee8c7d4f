import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { acceptApplication, callView, closeCall, openCall, recordDecision } from '~/.server/properties/calls';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { TableScroll } from '~/components/table-scroll';
import { formatDate, propertyTypeLabels } from '~/lib/labels';
import { matchStatusLabels } from '~/lib/match-labels';

export const meta: MetaFunction = () => [{ title: 'Appel à occupation — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await callView(context.services, user, params.offerId ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const offerId = params.offerId ?? '';
  const body = await request.formData();
  const intent = body.get('intent');
  const matchId = String(body.get('matchId') ?? '');
  const form = intent === 'decide' ? `decide-${matchId}` : String(intent ?? '');
  try {
    if (intent === 'open') {
      const { change, deadline } = await openCall(context.services, user, offerId, { deadline: body.get('deadline') });
      const until = formatDate(deadline);
      const message =
        change === 'opened' ? `Appel à occupation ouvert jusqu’au ${until} inclus.` : change === 'reopened' ? `Appel à occupation rouvert jusqu’au ${until} inclus.` : `Date limite de l’appel portée au ${until} inclus.`;
      return { ok: true as const, form, message };
    }
    if (intent === 'close') {
      await closeCall(context.services, user, offerId, { reason: body.get('reason') });
      return { ok: true as const, form, message: 'Appel à occupation clos : aucune nouvelle candidature n’est reçue. Enregistrez la décision des élus dès qu’elle est prise.' };
    }
    if (intent === 'decide') {
      const { declined } = await recordDecision(context.services, user, offerId, matchId, {
        body: body.get('body'),
        decidedOn: body.get('decidedOn'),
        reference: body.get('reference'),
        notes: body.get('notes'),
      });
      const others = declined > 0 ? ` Les ${declined} autre(s) candidature(s) sont déclinées et leurs structures prévenues par e-mail.` : '';
      return { ok: true as const, form, message: `Décision enregistrée ; la structure retenue est prévenue par e-mail.${others} Acceptez maintenant la candidature retenue pour préparer la convention.` };
    }
    if (intent === 'accept') {
      const result = await acceptApplication(context.services, user, offerId, matchId);
      const first = result.conventionIds?.[0];
      return redirect(first ? `/conventions/${first}` : `/mises-en-relation/${matchId}`);
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    return formFailure(error, { form });
  }
}

/** A match seen as an application to the call. */
const applicationStatusLabels: Record<keyof typeof matchStatusLabels, string> = {
  ...matchStatusLabels,
  ACCEPTED_BY_NEED: 'Candidature en attente',
  ACCEPTED: 'Acceptée : la convention est préparée',
};

const callStateLabel = (call: { status: 'NOT_OPEN' | 'OPEN' | 'CLOSED'; deadline: string | null; openedOn: string | null; closedEarlyOn: string | null }) =>
  call.status === 'NOT_OPEN'
    ? 'Aucun appel à occupation n’est ouvert.'
    : call.status === 'OPEN'
      ? `Ouvert depuis le ${call.openedOn ? formatDate(call.openedOn) : '—'} : candidatures reçues jusqu’au ${call.deadline ? formatDate(call.deadline) : '—'} inclus.`
      : call.closedEarlyOn
        ? `Clos le ${formatDate(call.closedEarlyOn)}, avant la date limite.`
        : `Clos : la date limite du ${call.deadline ? formatDate(call.deadline) : '—'} est passée.`;

export default function OccupationCall() {
  const { property, call, decision, may, today, applications, grouping } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errorsOf = (form: string) => (result && !result.ok && result.form === form ? result.fieldErrors : {});
  const pending = applications.filter((application) => application.status === 'ACCEPTED_BY_NEED');
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const openErrors = errorsOf('open');
  const closeErrors = errorsOf('close');
  return (
    <>
      <p>
        <Link to="/espace/patrimoine">Les biens de mon service</Link> · <Link to={`/offres/${property.id}`}>Fiche du bien</Link>
      </p>
      <h1>{`Appel à occupation — ${property.title}`}</h1>
      <dl className="facts">
        <dt>Bien</dt>
        <dd>{`${propertyTypeLabels[property.propertyType]}, ${property.surfaceM2} m², ${property.address} (${property.communeName})`}</dd>
        {property.service ? (
          <>
            <dt>Service gestionnaire</dt>
            <dd>{property.service}</dd>
          </>
        ) : null}
        <dt>État de l’appel</dt>
        <dd>{callStateLabel(call)}</dd>
      </dl>
      <FormResult result={result} />

      {may.open ? (
        <section aria-labelledby="ouvrir">
          <h2 id="ouvrir">{call.status === 'NOT_OPEN' ? 'Ouvrir l’appel à occupation' : call.status === 'OPEN' ? 'Changer la date limite' : 'Rouvrir l’appel'}</h2>
          <p>
            {call.status === 'NOT_OPEN'
              ? 'Les structures dont le besoin correspond au bien pourront candidater jusqu’à la date limite incluse.'
              : call.status === 'OPEN'
                ? 'Reportez ou avancez la date limite ; les candidatures déjà reçues sont conservées.'
                : 'Aucune décision n’est enregistrée : vous pouvez rouvrir l’appel avec une nouvelle date limite.'}
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="open" />
            <Field id="deadline" label="Date limite de candidature" hint="(postérieure à aujourd’hui)" errors={openErrors.deadline}>
              {(props) => <input {...props} type="date" name="deadline" min={tomorrow} defaultValue={call.deadline && call.deadline > today ? call.deadline : ''} required />}
            </Field>
            <button type="submit" disabled={busy}>
              {call.status === 'NOT_OPEN' ? 'Ouvrir l’appel' : call.status === 'OPEN' ? 'Enregistrer la date limite' : 'Rouvrir l’appel'}
            </button>
          </Form>
        </section>
      ) : null}

      {may.close ? (
        <section aria-labelledby="clore">
          <h2 id="clore">Clore l’appel avant la date limite</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="close" />
            <Field id="reason" label="Motif" hint="(facultatif, conservé au journal)" errors={closeErrors.reason}>
              {(props) => <textarea {...props} name="reason" rows={2} maxLength={1000} />}
            </Field>
            <button type="submit" className="button-secondary" disabled={busy}>
              Clore l’appel
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="candidatures">
        <h2 id="candidatures">Candidatures</h2>
        {applications.length === 0 ? (
          <p className="empty">
            {call.status === 'NOT_OPEN'
              ? 'Aucune candidature : ouvrez l’appel à occupation pour que les structures puissent candidater.'
              : call.status === 'OPEN'
                ? 'Aucune candidature pour l’instant. Les structures dont le besoin correspond au bien la déposent depuis leurs suggestions ; vous pouvez leur signaler l’appel depuis les besoins suggérés.'
                : 'L’appel est clos sans candidature : rouvrez-le avec une nouvelle date limite pour en recevoir.'}
            {call.status === 'OPEN' ? (
              <>
                {' '}
                <Link to={`/offres/${property.id}/suggestions`}>Voir les besoins suggérés</Link>
              </>
            ) : null}
          </p>
        ) : (
          <TableScroll label="Candidatures à l’appel à occupation">
            <table>
              <caption className="visually-hidden">Candidatures, de la plus pertinente à la moins pertinente</caption>
              <thead>
                <tr>
                  <th scope="col">Candidature</th>
                  <th scope="col">Structure</th>
                  <th scope="col">Usage prévu</th>
                  <th scope="col">Surface demandée</th>
                  <th scope="col">Pertinence</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {applications.map((application) => (
                  <tr key={application.matchId}>
                    <td>
                      <Link to={`/mises-en-relation/${application.matchId}`}>{application.needTitle}</Link>
                      <br />
                      <span className="meta">{`Déposée le ${formatDate(application.appliedOn)}`}</span>
                    </td>
                    <td>
                      {application.members.length > 0 ? (
                        <>
                          {`Groupement mené par ${application.lead} (chef de file), avec :`}
                          <ul>
                            {application.members.map((member) => (
                              <li key={member}>{member}</li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        application.lead
                      )}
                    </td>
                    <td>{application.intendedUse ?? 'Non précisé'}</td>
                    <td>{application.minSurfaceM2 === null ? '—' : `${application.minSurfaceM2} m²`}</td>
                    <td>
                      {`${Math.round(application.score * 100)} %`}
                      <ul>
                        {application.explanation.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {application.chosen ? <strong>Retenue par les élus. </strong> : null}
                      {applicationStatusLabels[application.status]}
                      {application.conventions.map((convention) => (
                        <span key={convention.id}>
                          <br />
                          <Link to={`/conventions/${convention.id}`}>{`Convention ${convention.reference}`}</Link>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="decision">
        <h2 id="decision">Décision des élus</h2>
        {decision ? (
          <>
            <dl className="facts">
              <dt>Candidature retenue</dt>
              <dd>{applications.find((application) => application.matchId === decision.matchId)?.needTitle ?? '—'}</dd>
              <dt>Instance</dt>
              <dd>{decision.body}</dd>
              <dt>Date</dt>
              <dd>{formatDate(decision.decidedOn)}</dd>
              <dt>Délibération</dt>
              <dd>{`n° ${decision.reference}`}</dd>
              {decision.notes ? (
                <>
                  <dt>Observations</dt>
                  <dd>{decision.notes}</dd>
                </>
              ) : null}
            </dl>
            {applications
              .filter((application) => application.mayAccept)
              .map((application) => (
                <Form method="post" key={application.matchId}>
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="matchId" value={application.matchId} />
                  <p>La convention d’occupation est préparée dès que vous acceptez la candidature retenue ; vous la compléterez ensuite avec la structure.</p>
                  <button type="submit" disabled={busy}>
                    Accepter cette candidature<span className="visually-hidden">{` : ${application.needTitle}`}</span>
                  </button>
                </Form>
              ))}
          </>
        ) : call.status !== 'CLOSED' ? (
          <p className="empty">
            {call.status === 'OPEN'
              ? 'La décision des élus s’enregistre une fois l’appel clos : à la date limite, ou plus tôt si vous le closez.'
              : 'Ouvrez d’abord l’appel à occupation ; la décision des élus s’enregistrera une fois l’appel clos.'}
          </p>
        ) : pending.length === 0 ? (
          <p className="empty">Aucune candidature en attente à retenir. Rouvrez l’appel pour en recevoir de nouvelles.</p>
        ) : may.decide ? (
          <>
            <p>Enregistrez la décision des élus pour la candidature qu’ils ont retenue : les autres structures candidates en seront prévenues par e-mail.</p>
            {pending.map((application) => {
              const form = `decide-${application.matchId}`;
              const errors = errorsOf(form);
              const id = (field: string) => `${field}-${application.matchId}`;
              return (
                <Form method="post" className="stack" noValidate key={application.matchId} aria-labelledby={`${form}-title`}>
                  <h3 id={`${form}-title`}>{`Retenir « ${application.needTitle} » (${application.lead})`}</h3>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="matchId" value={application.matchId} />
                  <Field id={id('body')} label="Instance qui a décidé" hint="(par exemple : Commission permanente du Conseil départemental)" errors={errors.body}>
                    {(props) => <input {...props} name="body" maxLength={200} required />}
                  </Field>
                  <Field id={id('decidedOn')} label="Date de la décision" errors={errors.decidedOn}>
                    {(props) => <input {...props} type="date" name="decidedOn" max={today} required />}
                  </Field>
                  <Field id={id('reference')} label="Numéro de la délibération" errors={errors.reference}>
                    {(props) => <input {...props} name="reference" maxLength={100} required />}
                  </Field>
                  <Field id={id('notes')} label="Observations" hint="(facultatif)" errors={errors.notes}>
                    {(props) => <textarea {...props} name="notes" rows={2} maxLength={2000} />}
                  </Field>
                  <button type="submit" disabled={busy}>
                    Enregistrer la décision<span className="visually-hidden">{` retenant « ${application.needTitle} »`}</span>
                  </button>
                </Form>
              );
            })}
          </>
        ) : (
          <p className="empty">Le service gestionnaire n’a pas encore enregistré la décision des élus.</p>
        )}
      </section>

      <section aria-labelledby="regroupement">
        <h2 id="regroupement">Regroupement suggéré</h2>
        {grouping ? (
          <>
            <ul>
              {grouping.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <TableScroll label="Besoins qui pourraient partager le bien">
              <table>
                <caption className="visually-hidden">Besoins publiés qui pourraient partager le bien</caption>
                <thead>
                  <tr>
                    <th scope="col">Besoin</th>
                    <th scope="col">Structure</th>
                    <th scope="col">Surface demandée</th>
                    <th scope="col">Rôle proposé</th>
                    <th scope="col">A candidaté</th>
                  </tr>
                </thead>
                <tbody>
                  {grouping.needs.map((need) => (
                    <tr key={need.id}>
                      <td>{need.title}</td>
                      <td>{need.organisation}</td>
                      <td>{need.minSurfaceM2 === null ? '—' : `${need.minSurfaceM2} m²`}</td>
                      <td>{need.lead ? 'Chef de file' : 'Membre'}</td>
                      <td>{need.applied ? 'Oui' : 'Non'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="meta">
              Ce regroupement n’est qu’une suggestion : prenez contact avec ces structures pour qu’elles candidatent ensemble, menées par le chef de file.
            </p>
          </>
        ) : (
          <p className="empty">
            Aucun regroupement à suggérer : aucun ensemble de besoins publiés ne tient à plusieurs dans ce bien. Les structures peuvent candidater seules ou déjà
            groupées.
          </p>
        )}
      </section>
    </>
  );
}
