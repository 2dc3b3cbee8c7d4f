import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { listCommunes } from '~/.server/catalogue';
import { formFailure } from '~/.server/http/route-errors';
import { registerCollege } from '~/.server/organisations/register';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { formValues, typedValues } from '~/lib/form-values';
import { CommuneOptions } from '~/components/commune-options';
import { CoordinatesFields } from '~/components/coordinates-fields';

export const meta: MetaFunction = () => [{ title: 'Déclarer un collège — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.services, request);
  return { communes: await listCommunes(context.services), domains: context.services.env.collegeEmailDomains };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { id } = await registerCollege(context.services, user, Object.fromEntries(form));
    return redirect(`/espace/college/${id}`);
  } catch (error) {
    return formFailure(error, { values: formValues(form) });
  }
}

const priorityEducation = [
  ['NONE', 'Non'],
  ['REP', 'Oui, REP'],
  ['REP_PLUS', 'Oui, REP+'],
] as const;

export default function NewCollege() {
  const { communes, domains } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const fieldErrors = errors?.fieldErrors ?? {};
  const values = typedValues(errors?.values);
  return (
    <div className="stack">
      <h1>Déclarer un collège</h1>
      <p>
        {`Réservé au personnel du collège, connecté avec son adresse académique (${domains.join(', ')}). Vous en deviendrez le premier membre de l’équipe : vous pourrez chercher des stages de 3e, importer vos élèves et préparer leurs conventions.`}
      </p>
      <FormResult result={errors} />
      <Form method="post" className="stack" noValidate>
        <Field id="name" label="Nom du collège" errors={fieldErrors.name}>
          {(props) => <input {...props} name="name" autoComplete="organization" defaultValue={values.text('name')} required />}
        </Field>
        <Field id="uai" label="Numéro UAI (ex-RNE)" hint="(7 chiffres et une lettre, ex. 0300001N)" errors={fieldErrors.uai}>
          {(props) => <input {...props} name="uai" autoComplete="off" maxLength={12} defaultValue={values.text('uai')} required />}
        </Field>
        <Field id="address" label="Adresse" errors={fieldErrors.address}>
          {(props) => <input {...props} name="address" autoComplete="street-address" defaultValue={values.text('address')} required />}
        </Field>
        <Field id="communeCode" label="Commune" errors={fieldErrors.communeCode}>
          {(props) => (
            <select {...props} name="communeCode" defaultValue={values.text('communeCode', '30189')}>
              <CommuneOptions communes={communes} />
            </select>
          )}
        </Field>
        <CoordinatesFields values={{ lat: values.text('lat'), lon: values.text('lon') }} errors={{ lat: fieldErrors.lat, lon: fieldErrors.lon }} />
        <fieldset aria-describedby={fieldErrors.priorityEducation ? 'priority-error' : undefined}>
          <legend>Le collège relève-t-il de l’éducation prioritaire ?</legend>
          {priorityEducation.map(([value, label]) => (
            <div key={value} className="radio">
              <input type="radio" id={`priority-${value}`} name="priorityEducation" value={value} defaultChecked={values.text('priorityEducation', 'NONE') === value} />
              <label htmlFor={`priority-${value}`}>{label}</label>
            </div>
          ))}
          {fieldErrors.priorityEducation ? (
            <p id="priority-error" className="error-text">
              {fieldErrors.priorityEducation.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <div className="checkbox">
          <input type="checkbox" id="qpv" name="qpv" aria-describedby="qpv-hint" defaultChecked={values.checked('qpv')} />
          <label htmlFor="qpv">
            Le collège est situé dans un quartier prioritaire de la politique de la ville (QPV) ou l’accueille
            <span id="qpv-hint" className="hint">
              {' '}
              (ses élèves sans stage sont accompagnés en priorité)
            </span>
          </label>
        </div>
        <button type="submit" disabled={busy}>
          Déclarer le collège
        </button>
      </Form>
    </div>
  );
}
