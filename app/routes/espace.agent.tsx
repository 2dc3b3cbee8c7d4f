import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { requestManagerApproval } from '~/.server/agents/manager-approval';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { getAgentSpace } from '~/.server/spaces';
import { FormResult } from '~/components/form-result';
import { ItemTable } from '~/components/item-table';

export const meta: MetaFunction = () => [{ title: 'Mes compétences — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { offers: await getAgentSpace(context.services, user) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    if (form.get('intent') !== 'request-approval') throw new AppError('VALIDATION', 'Action inconnue.');
    const { sent, email } = await requestManagerApproval(context.services, user, String(form.get('offerId') ?? ''));
    return {
      ok: true as const,
      message: sent ? `La demande d’accord a été envoyée à ${email}.` : `Une demande vient d’être envoyée à ${email} : consultez-la avant d’en envoyer une autre.`,
    };
  } catch (error) {
    return formFailure(error);
  }
}

const approvalLabels = { PENDING: 'en attente', APPROVED: 'donné', REFUSED: 'refusé' } as const;

export default function AgentSpace() {
  const { offers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const pending = offers.filter((offer) => offer.skill?.managerApproval === 'PENDING');
  return (
    <div className="stack">
      <h1>Mes propositions de compétences</h1>
      <p>
        <Link to="/publier/offre-competences">Proposer mes compétences</Link>
      </p>
      <ItemTable
        caption="Compétences que je propose"
        rows={offers.map((offer) => ({ ...offer, href: `/offres/${offer.id}/suggestions` }))}
        empty="Vous ne proposez encore aucune compétence."
      />
      <section aria-labelledby="accords" className="stack">
        <h2 id="accords">Accord de mon responsable hiérarchique</h2>
        <p>Une proposition n’est publiée qu’avec l’accord écrit de votre responsable, qu’il ou elle donne depuis un lien reçu par e-mail.</p>
        <FormResult result={result} />
        {offers.length === 0 ? null : (
          <ul>
            {offers.map((offer) => (
              <li key={offer.id}>
                {`${offer.title} : accord ${approvalLabels[offer.skill?.managerApproval ?? 'PENDING']}`}
                {offer.skill?.managerApproval === 'REFUSED' && offer.skill.managerRefusal ? ` (motif : ${offer.skill.managerRefusal})` : ''}
              </li>
            ))}
          </ul>
        )}
        {pending.map((offer) => (
          <Form method="post" key={offer.id}>
            <input type="hidden" name="intent" value="request-approval" />
            <input type="hidden" name="offerId" value={offer.id} />
            <button type="submit" className="button-secondary" disabled={busy}>
              Demander l’accord de mon responsable<span className="visually-hidden">{` pour « ${offer.title} »`}</span>
            </button>
          </Form>
        ))}
      </section>
    </div>
  );
}
