import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { hasRole } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { placeablePupils, placePupils, sendCompleteDrafts } from '~/.server/conventions/pupils';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { cancelMatch, matchAdminPanel, reassignMatch, reassignTargetFromForm } from '~/.server/matching/match-admin';
import { acceptMatch, declineMatch, viewMatch } from '~/.server/matching/match-decisions';
import { AppError } from '~/.server/errors';
import { AlgorithmNotice } from '~/components/algorithm-notice';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { kindLabels } from '~/lib/labels';
import { matchStatusLabels } from '~/lib/match-labels';
import { statusLabels as conventionStatusLabels } from '../../matching/conventions/lifecycle';

export const meta: MetaFunction = () => [{ title: 'Mise en relation — Passerelles' }];


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const { match, side, mayDecide, conventions } = await viewMatch(context.services, user, params.matchId ?? '');
    const pupils = match.status === 'ACCEPTED' ? await placeablePupils(context.services, user, match.id) : [];
    return {
      match: {
        id: match.id,
        kind: match.kind,
        status: match.status,
        explanation: match.explanation,
        needTitle: match.need.title,
        needOrganisation: match.need.organisation.name,
        offerTitle: match.offer.title,
        offerId: match.offer.id,
        capacity: match.offer.internship?.capacityPerWeek ?? null,
        maxGroupSize: match.offer.internship?.maxGroupSize ?? null,
      },
      side,
      mayDecide,
      isCollege: match.kind === 'STAGE' && side === 'NEED',
      admin: await matchAdminPanel(context.services, user, match.id),
      missionEss: hasRole(user, 'MISSION_ESS_ADMIN'),
      conventions: conventions.map((c) => ({ id: c.id, reference: c.reference, status: c.status, pupil: c.pupil ? `${c.pupil.firstName} ${c.pupil.lastName}` : null })),
      pupils,
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  const id = params.matchId ?? '';
  const intent = form.get('intent');
  try {
    if (intent === 'accept') {
      const result = await acceptMatch(context.services, user, id);
      const first = 'conventionIds' in result ? result.conventionIds?.[0] : undefined;
      return redirect(first ? `/conventions/${first}` : `/mises-en-relation/${id}`);
    }
    if (intent === 'decline') {
      await declineMatch(context.services, user, id, form.get('reason'));
      return { ok: true as const, message: 'Vous avez refusé cette mise en relation. Le motif est conservé.' };
    }
    if (intent === 'place') {
      const ids = await placePupils(context.services, user, id, {
        pupilIds: form.getAll('pupilIds').map(String),
        referentTeacherName: form.get('referentTeacherName') ?? '',
        referentTeacherEmail: form.get('referentTeacherEmail') ?? '',
      });
      return { ok: true as const, message: `${ids.length} convention(s) préparée(s), une par élève.` };
    }
    if (intent === 'send-all') {
      const { sent, incomplete } = await sendCompleteDrafts(context.services, user, id);
      const parts = [`${sent.length} convention(s) envoyée(s) pour signature.`];
      if (incomplete.length) parts.push(`${incomplete.length} à compléter d’abord : ${incomplete.join(' ; ')}`);
      return { ok: true as const, message: parts.join(' ') };
    }
    if (intent === 'cancel') {
      const { cancelledConventions } = await cancelMatch(context.services, user, id, form.get('reason'));
      const conventions = cancelledConventions.length ? ` ainsi que ${cancelledConventions.length} convention(s) non signée(s)` : '';
      return { ok: true as const, message: `Mise en relation annulée${conventions} ; les deux parties ont reçu le motif.` };
    }
    if (intent === 'reassign') {
      const reassigned = await reassignMatch(context.services, user, id, { ...reassignTargetFromForm(form.get('target')), reason: form.get('reason') });
      return {
        ok: true as const,
        message: 'Mise en relation réattribuée : celle-ci est annulée et la nouvelle proposition est envoyée aux deux parties.',
        newMatchId: reassigned.matchId,
      };
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    // The failure names its form, so that the page shows its errors next to that form's fields.
    return formFailure(error, { form: typeof intent === 'string' ? intent : '' });
  }
}

export default function MatchPage() {
  const { match, mayDecide, conventions, pupils, isCollege, admin, missionEss } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errorsOf = (form: string) => (result && !result.ok && result.form === form ? result.fieldErrors : undefined);
  return (
    <div className="stack">
      <p>
        <Link to="/mises-en-relation">Toutes mes mises en relation</Link> · <Link to="/conventions">Mes conventions</Link>
      </p>
      <h1>{`Mise en relation — ${kindLabels[match.kind].singular}`}</h1>
      <dl className="facts">
        <dt>Besoin</dt>
        <dd>{`${match.needTitle} (${match.needOrganisation})`}</dd>
        <dt>Offre</dt>
        <dd>
          <Link to={`/offres/${match.offerId}`}>{match.offerTitle}</Link>
        </dd>
        <dt>État</dt>
        <dd>{matchStatusLabels[match.status]}</dd>
      </dl>
      <section aria-labelledby="pourquoi">
        <h2 id="pourquoi">Pourquoi cette mise en relation</h2>
        <ul>
          {match.explanation.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <AlgorithmNotice treatment="suggestion" />
        {missionEss ? <p><Link to={`/admin/transparence/mise-en-relation/${match.id}`}>Rapport de transparence algorithmique</Link></p> : null}
      </section>
      <FormResult result={result} />
      {result?.ok && 'newMatchId' in result ? (
        <p>
          <Link to={`/mises-en-relation/${result.newMatchId}`}>Voir la nouvelle mise en relation</Link>
        </p>
      ) : null}
      {mayDecide ? (
        <section aria-labelledby="reponse" className="stack">
          <h2 id="reponse">Votre réponse</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <button type="submit" disabled={busy}>
              Accepter la mise en relation
            </button>
          </Form>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="decline" />
            <Field id="reason" label="Motif du refus" hint="(communiqué à l’autre partie)" errors={errorsOf('decline')?.reason}>
              {(props) => <textarea {...props} name="reason" rows={3} required />}
            </Field>
            <button type="submit" className="button-secondary" disabled={busy}>
              Refuser
            </button>
          </Form>
        </section>
      ) : null}
      {match.kind === 'STAGE' && match.status === 'ACCEPTED' && pupils.length > 0 ? (
        <section aria-labelledby="eleves">
          <h2 id="eleves">Désigner les élèves</h2>
          <p>{`La structure accueille ${match.capacity ?? 0} élève(s) cette semaine, par groupes de ${match.maxGroupSize ?? 1} au plus. Une convention est préparée pour chaque élève.`}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="place" />
            <fieldset aria-describedby={errorsOf('place')?.pupilIds ? 'pupils-error' : undefined}>
              <legend>Élèves sans stage cette semaine</legend>
              {pupils.map((pupil) => (
                <div key={pupil.id} className="checkbox">
                  <input type="checkbox" id={`pupil-${pupil.id}`} name="pupilIds" value={pupil.id} defaultChecked={pupil.allocated} />
                  <label htmlFor={`pupil-${pupil.id}`}>{`${pupil.lastName} ${pupil.firstName} (${pupil.className})`}</label>
                </div>
              ))}
              {errorsOf('place')?.pupilIds ? (
                <p id="pupils-error" className="error-text">
                  {errorsOf('place')?.pupilIds?.join(' ')}
                </p>
              ) : null}
            </fieldset>
            <Field id="referentTeacherName" label="Professeur·e référent·e" hint="(facultatif : repris dans chaque convention)" errors={errorsOf('place')?.referentTeacherName}>
              {(props) => <input {...props} name="referentTeacherName" autoComplete="off" />}
            </Field>
            <Field id="referentTeacherEmail" label="Son adresse e-mail" errors={errorsOf('place')?.referentTeacherEmail}>
              {(props) => <input {...props} type="email" name="referentTeacherEmail" autoComplete="off" />}
            </Field>
            <button type="submit" disabled={busy}>
              Préparer les conventions
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="conventions">
        <h2 id="conventions">Conventions</h2>
        {isCollege && conventions.some((c) => c.status === 'DRAFT') ? (
          <Form method="post">
            <input type="hidden" name="intent" value="send-all" />
            <button type="submit" className="button-secondary" disabled={busy}>
              Envoyer pour signature toutes les conventions complètes du groupe
            </button>
          </Form>
        ) : null}
        {conventions.length === 0 ? (
          <p className="empty">
            {match.status === 'ACCEPTED'
              ? isCollege
                ? 'Aucune convention pour l’instant : désignez vos élèves ci-dessus, une convention est préparée pour chacun.'
                : match.kind === 'STAGE'
                  ? 'Aucune convention pour l’instant : le collège va désigner ses élèves, une convention sera préparée pour chacun.'
                  : 'Aucune convention pour l’instant.'
              : 'La convention sera préparée dès que les deux parties auront accepté.'}
          </p>
        ) : (
          <ul>
            {conventions.map((c) => (
              <li key={c.id}>
                <Link to={`/conventions/${c.id}`}>{`${c.pupil ? `${c.reference} — ${c.pupil}` : c.reference} (${conventionStatusLabels[c.status]})`}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {admin ? (
        <section aria-labelledby="mission-ess" className="stack">
          <h2 id="mission-ess">Mission ESS</h2>
          {admin.blockedBy ? (
            <p className="alert">{admin.blockedBy}</p>
          ) : (
            <>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="cancel" />
                <fieldset className="stack">
                  <legend>Annuler la mise en relation</legend>
                  <p className="hint">Les conventions pas encore signées sont annulées avec elle. Les deux parties reçoivent le motif par e-mail.</p>
                  <Field id="cancel-reason" label="Motif de l’annulation" hint="(communiqué aux deux parties)" errors={errorsOf('cancel')?.reason}>
                    {(props) => <textarea {...props} name="reason" rows={3} required />}
                  </Field>
                  <div>
                    <button type="submit" className="button-danger" disabled={busy}>
                      Annuler la mise en relation
                    </button>
                  </div>
                </fieldset>
              </Form>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="reassign" />
                <fieldset className="stack">
                  <legend>Réattribuer</legend>
                  {admin.offers.length + admin.needs.length === 0 ? (
                    <p>Aucune autre offre ni aucun autre besoin publié de ce type ne remplit les conditions : vous pouvez seulement annuler.</p>
                  ) : (
                    <>
                      <p className="hint">
                        Cette mise en relation est annulée et une nouvelle est proposée, au nom de la Mission ESS, aux deux parties de la nouvelle paire.
                      </p>
                      <Field id="reassign-target" label="Nouvelle offre ou nouveau besoin" hint="(même type, classés par le moteur de mise en relation)" errors={errorsOf('reassign')?.target}>
                        {(props) => (
                          <select {...props} name="target" required defaultValue="">
                            <option value="" disabled>
                              Choisir…
                            </option>
                            {admin.offers.length ? (
                              <optgroup label={`Une autre offre pour le besoin « ${match.needTitle} »`}>
                                {admin.offers.map((offer) => (
                                  <option key={offer.id} value={`offre:${offer.id}`}>
                                    {`${offer.title} (${offer.communeName})`}
                                  </option>
                                ))}
                              </optgroup>
                            ) : null}
                            {admin.needs.length ? (
                              <optgroup label={`Un autre besoin pour l’offre « ${match.offerTitle} »`}>
                                {admin.needs.map((need) => (
                                  <option key={need.id} value={`besoin:${need.id}`}>
                                    {`${need.title} (${need.communeName})`}
                                  </option>
                                ))}
                              </optgroup>
                            ) : null}
                          </select>
                        )}
                      </Field>
                      <Field id="reassign-reason" label="Motif de la réattribution" hint="(communiqué aux parties de la mise en relation annulée)" errors={errorsOf('reassign')?.reason}>
                        {(props) => <textarea {...props} name="reason" rows={3} required />}
                      </Field>
                      <div>
                        <button type="submit" disabled={busy}>
                          Réattribuer
                        </button>
                      </div>
                    </>
                  )}
                </fieldset>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
