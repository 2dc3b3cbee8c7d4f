import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { answerSurvey, openSurvey } from '~/.server/conventions/survey';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';

export const meta: MetaFunction = () => [{ title: 'Votre avis — Passerelles' }, { name: 'robots', content: 'noindex' }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return await openSurvey(context.services, params.token ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    await answerSurvey(context.services, params.token ?? '', { score: form.get('score'), comment: form.get('comment') ?? undefined });
    return { ok: true as const, message: 'Merci : votre réponse est enregistrée. Vous pouvez la modifier pendant 30 jours.' };
  } catch (error) {
    return formFailure(error);
  }
}

const SCORES = [
  [1, 'Pas du tout satisfait'],
  [2, 'Peu satisfait'],
  [3, 'Moyennement satisfait'],
  [4, 'Satisfait'],
  [5, 'Très satisfait'],
] as const;

export default function Survey() {
  const survey = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  return (
    <div className="stack">
      <h1>Votre avis sur la convention {survey.reference}</h1>
      <p>{`${survey.conventionTitle} — vous répondez en tant que : ${survey.roleLabel}.`}</p>
      <p>Vos réponses alimentent, de façon anonyme, les indicateurs du plan départemental de l’ESS (action 4.4).</p>
      <FormResult result={result} />
      {survey.editable ? (
        <Form method="post" className="stack">
          <fieldset aria-describedby={errors?.fieldErrors.score ? 'score-error' : undefined}>
            <legend>Dans l’ensemble, êtes-vous satisfait·e ? (note de 1 à 5)</legend>
            {SCORES.map(([value, label]) => (
              <div key={value} className="radio">
                <input type="radio" id={`score-${value}`} name="score" value={value} defaultChecked={survey.answer?.score === value} required />
                <label htmlFor={`score-${value}`}>{`${value} — ${label}`}</label>
              </div>
            ))}
            {errors?.fieldErrors.score ? (
              <p id="score-error" className="error-text">
                {errors.fieldErrors.score.join(' ')}
              </p>
            ) : null}
          </fieldset>
          <Field id="comment" label="Commentaire" hint="(facultatif, 2 000 caractères au plus)" errors={errors?.fieldErrors.comment}>
            {(props) => <textarea {...props} name="comment" rows={4} maxLength={2000} defaultValue={survey.answer?.comment ?? ''} />}
          </Field>
          <button type="submit" disabled={busy}>
            {survey.answer ? 'Modifier ma réponse' : 'Envoyer ma réponse'}
          </button>
        </Form>
      ) : (
        <p className="alert">{`Votre réponse (${survey.answer?.score ?? '—'}/5) n’est plus modifiable.`}</p>
      )}
    </div>
  );
}
