import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { adjustAllocation, allocationReview, discardAllocation, validateAllocation } from '~/.server/allocation/allocation-review';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { AlgorithmNotice } from '~/components/algorithm-notice';
import { FormResult } from '~/components/form-result';
import { formatDate, plural } from '~/lib/labels';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction = () => [{ title: 'Affectation des élèves — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { review: await allocationReview(context.services, user, params.allocationId ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  const id = params.allocationId ?? '';
  try {
    const intent = form.get('intent');
    if (intent === 'adjust') {
      const { offerId } = await adjustAllocation(context.services, user, id, { pupilId: form.get('pupilId'), offerId: form.get('offerId') ?? '' });
      return { ok: true as const, message: offerId ? 'Stage de l’élève modifié.' : 'L’élève reste sans stage dans cette proposition.' };
    }
    if (intent === 'validate') {
      const { proposed, problems } = await validateAllocation(context.services, user, id);
      const parts = [`${plural(proposed, 'structure')} sollicitée(s) : chacune reçoit la proposition et l’accepte ou la refuse.`];
      if (problems.length) parts.push(`Non proposé : ${problems.join(' ; ')}`);
      return { ok: true as const, message: parts.join(' ') };
    }
    if (intent === 'discard') {
      await discardAllocation(context.services, user, id);
      return { ok: true as const, message: 'Proposition abandonnée. Vous pouvez relancer un calcul depuis l’espace du collège.' };
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    return formFailure(error);
  }
}

const statusLabels = { PROPOSED: 'Proposition à relire', VALIDATED: 'Validée, proposée aux structures', DISCARDED: 'Abandonnée' } as const;

export default function AllocationReview() {
  const { review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const editable = review.status === 'PROPOSED';
  const errors = result && !result.ok ? result : null;
  const priority = review.rows.filter((row) => row.priority);
  return (
    <div className="stack">
      <h1>Affectation des élèves</h1>
      <p className="meta">
        {`${review.need.title} · semaine du ${formatDate(review.need.week)} · `}
        <strong>{statusLabels[review.status]}</strong>
      </p>
      <AlgorithmNotice treatment="allocation" />
      <FormResult result={result} details={errors?.fieldErrors.offerId} />
      <p>
        {`${review.placed} élève(s) sur ${review.rows.length} ont un stage dans cette proposition`}
        {priority.length ? `, dont ${priority.filter((row) => row.offerId).length} sur ${priority.length} élève(s) prioritaire(s)` : ''}.
      </p>
      {review.rows.length === 0 ? (
        <p className="empty">
          Aucun élève à affecter : tous les élèves du collège ont déjà une convention cette semaine, ou la liste est vide.{' '}
          <Link to={`/espace/college/${review.collegeId}#eleves`}>Importer des élèves</Link>
        </p>
      ) : (
        <TableScroll label="Proposition d’affectation, élève par élève">
          <table>
            <caption>Proposition d’affectation, élève par élève (les élèves sans stage d’abord)</caption>
            <thead>
              <tr>
                <th scope="col">Élève</th>
                <th scope="col">Classe</th>
                <th scope="col">Stage proposé</th>
                <th scope="col">Pourquoi</th>
                {editable ? <th scope="col">Modifier</th> : null}
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <tr key={row.pupilId}>
                  <td>
                    {row.name}
                    {row.priority ? (
                      <>
                        {' '}
                        <span className="badge">prioritaire</span>
                      </>
                    ) : null}
                  </td>
                  <td>{row.className}</td>
                  <td>
                    {row.offer ? `${row.offer.title} — ${row.offer.host} (${row.offer.commune}, ${row.offer.km} km)` : <strong>Sans stage</strong>}
                    {row.adjusted ? <span className="meta"> (modifié par le collège)</span> : null}
                  </td>
                  <td>
                    <ul className="reasons">
                      {row.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                  {editable ? (
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="adjust" />
                        <input type="hidden" name="pupilId" value={row.pupilId} />
                        <label htmlFor={`offer-${row.pupilId}`} className="visually-hidden">{`Stage de ${row.name}`}</label>
                        <select id={`offer-${row.pupilId}`} name="offerId" defaultValue={row.offerId ?? ''}>
                          <option value="">Sans stage</option>
                          {review.offers.map((offer) => (
                            <option key={offer.id} value={offer.id}>
                              {`${offer.title} — ${offer.commune}, ${offer.km} km (${offer.assigned}/${offer.seats} places)`}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button-secondary" disabled={busy}>
                          Modifier<span className="visually-hidden">{` le stage de ${row.name}`}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Stages de la semaine</h2>
      {review.offers.length === 0 ? (
        <p className="empty">
          Aucun stage publié cette semaine à la distance choisie. Élargissez la distance du besoin, choisissez une autre semaine, ou
          demandez à la Mission ESS de solliciter des structures.
        </p>
      ) : (
        <ul>
          {review.offers.map((offer) => (
            <li key={offer.id}>{`${offer.title} — ${offer.host}, ${offer.commune} (${offer.km} km) : ${offer.assigned} élève(s) affecté(s) sur ${offer.seats} place(s) libre(s)`}</li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="actions">
          <Form method="post">
            <input type="hidden" name="intent" value="validate" />
            <button type="submit" disabled={busy || review.placed === 0}>
              Valider et proposer aux structures
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="button-secondary" disabled={busy}>
              Abandonner cette proposition
            </button>
          </Form>
        </div>
      ) : null}
      {review.status === 'VALIDATED' ? (
        <p>
          Chaque structure sollicitée accepte ou refuse sur sa page. Une fois acceptée, ouvrez la{' '}
          <Link to="/mises-en-relation">mise en relation</Link> : les élèves affectés y sont déjà cochés pour préparer leurs conventions.
        </p>
      ) : null}
      <p>
        <Link to={`/espace/college/${review.collegeId}`}>Retour à l’espace du collège</Link>
      </p>
    </div>
  );
}
