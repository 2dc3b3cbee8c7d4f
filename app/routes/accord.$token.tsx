import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { decideApproval, openApproval } from '~/.server/agents/manager-approval';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { formatDate } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Accord du responsable hiérarchique — Passerelles' }, { name: 'robots', content: 'noindex' }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return await openApproval(context.services, params.token ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { approved } = await decideApproval(context.services, params.token ?? '', {
      decision: form.get('decision'),
      reason: form.get('reason'),
      managerName: form.get('managerName'),
    });
    return {
      ok: true as const,
      message: approved
        ? 'Votre accord est enregistré : la proposition est publiée et l’agent en est informé.'
        : 'Votre refus est enregistré : l’agent en est informé avec votre motif.',
    };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ManagerApproval() {
  const approval = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const { offer } = approval;
  return (
    <div className="stack">
      <h1>Accord pour un mécénat de compétences</h1>
      <p>
        {`${approval.agentName}${approval.jobTitle ? `, ${approval.jobTitle},` : ''} souhaite mettre ses compétences à disposition d’une structure de l’économie sociale et solidaire (plan départemental ESS, action 2.4).`}
      </p>
      <dl className="facts">
        <dt>Proposition</dt>
        <dd>{offer.title}</dd>
        <dt>Description</dt>
        <dd>{offer.description}</dd>
        <dt>Compétences</dt>
        <dd>{offer.skills.join(', ')}</dd>
        <dt>Temps proposé</dt>
        <dd>{`${offer.hoursPerMonth} heures par mois${offer.remote ? ', en partie à distance' : ''}`}</dd>
        {offer.availableFrom ? (
          <>
            <dt>Période</dt>
            <dd>{`du ${formatDate(offer.availableFrom)}${offer.availableUntil ? ` au ${formatDate(offer.availableUntil)}` : ''}`}</dd>
          </>
        ) : null}
      </dl>
      <FormResult result={result} />
      {approval.state === 'DECIDED' && !result?.ok ? <p className="alert">Une réponse a déjà été donnée à cette demande.</p> : null}
      {approval.state === 'EXPIRED' ? <p className="alert">Ce lien a expiré : l’agent peut vous envoyer une nouvelle demande.</p> : null}
      {approval.state === 'VALID' && !result?.ok ? (
        <Form method="post" className="stack">
          <Field id="managerName" label="Votre nom" hint="(enregistré avec votre réponse)" errors={errors?.fieldErrors.managerName}>
            {(props) => <input {...props} name="managerName" autoComplete="name" required />}
          </Field>
          <fieldset>
            <legend>Votre réponse</legend>
            <div className="radio">
              <input type="radio" id="decision-approve" name="decision" value="approve" required />
              <label htmlFor="decision-approve">Je donne mon accord à cette mise à disposition</label>
            </div>
            <div className="radio">
              <input type="radio" id="decision-refuse" name="decision" value="refuse" />
              <label htmlFor="decision-refuse">Je refuse</label>
            </div>
          </fieldset>
          <Field id="reason" label="Motif du refus" hint="(obligatoire en cas de refus, transmis à l’agent)" errors={errors?.fieldErrors.reason}>
            {(props) => <textarea {...props} name="reason" rows={3} />}
          </Field>
          <button type="submit" disabled={busy}>
            Enregistrer ma réponse
          </button>
        </Form>
      ) : null}
    </div>
  );
}
