import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { verifyConvention } from '~/.server/conventions/verification';
import { formFailure } from '~/.server/http/route-errors';
import { Field } from '~/components/field';

export const meta: MetaFunction = () => [{ title: 'Vérifier une convention — Passerelles' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    return { ok: true as const, result: await verifyConvention(context.services, form.get('query'), context.clientIp) };
  } catch (error) {
    return formFailure(error);
  }
}

export default function Verification() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = data && !data.ok ? data : null;
  const result = data?.ok ? data.result : null;
  return (
    <div className="stack">
      <h1>Vérifier une convention</h1>
      <p>
        Saisissez le code de vérification imprimé en bas de chaque page de la convention, ou l’empreinte SHA-256 du
        fichier PDF. La réponse dit si le document est une convention authentique, sans donnée personnelle.
      </p>
      <Form method="post" className="stack">
        <Field id="query" label="Code de vérification ou empreinte SHA-256" hint="(par exemple : 7KQ2-M9XA)" errors={errors?.fieldErrors.query}>
          {(props) => <input {...props} name="query" autoComplete="off" spellCheck={false} required />}
        </Field>
        <button type="submit" disabled={busy}>
          Vérifier
        </button>
      </Form>
      {errors && !errors.fieldErrors.query ? (
        <p className="alert alert-error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      {result ? (
        result.found ? (
          <div className="alert alert-success" role="status">
            <p>
              <strong>Document authentique :</strong> {`${result.title}, référence ${result.reference}, version ${result.version}.`}
            </p>
            <p>{`État : ${result.status}${result.signedOn ? `, signée par toutes les parties le ${result.signedOn}` : ''}.`}</p>
            {result.current ? null : <p>Attention : cette version a été remplacée par une version plus récente.</p>}
            {result.matchedBy === 'version' ? <p>Cette empreinte est celle du document soumis à signature (sans le certificat de signature).</p> : null}
          </div>
        ) : (
          <p className="alert alert-error" role="status">
            Aucune convention ne correspond à ce code ou à cette empreinte. Vérifiez la saisie ; en cas de doute, contactez la Mission ESS du Département.
          </p>
        )
      ) : null}
    </div>
  );
}
