import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { listCommunes } from '~/.server/catalogue';
import { formFailure } from '~/.server/http/route-errors';
import { registerStructure } from '~/.server/organisations/register';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { formValues, typedValues } from '~/lib/form-values';
import { CommuneOptions } from '~/components/commune-options';
import { CoordinatesFields } from '~/components/coordinates-fields';

export const meta: MetaFunction = () => [{ title: 'Inscrire une structure — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.services, request);
  return { communes: await listCommunes(context.services) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { id } = await registerStructure(context.services, user, Object.fromEntries(form));
    return redirect(`/espace/structure/${id}`);
  } catch (error) {
    return formFailure(error, { values: formValues(form) });
  }
}

const legalForms = [
  ['ASSOCIATION', 'Association loi 1901'],
  ['SCIC', 'Société coopérative d’intérêt collectif (SCIC)'],
  ['SCOP', 'Société coopérative et participative (SCOP)'],
  ['COOPERATIVE', 'Autre coopérative'],
  ['FONDATION', 'Fondation'],
  ['MUTUELLE', 'Mutuelle'],
  ['ENTREPRISE_ESUS', 'Entreprise solidaire d’utilité sociale (ESUS)'],
] as const;

const eligibilities = [
  ['NONE', 'Non, ou je ne sais pas'],
  ['INTERET_GENERAL', 'Organisme d’intérêt général (article 238 bis, 1, a du code général des impôts)'],
  ['ARUP', 'Association reconnue d’utilité publique'],
  ['FONDATION', 'Fondation (hors fondation d’entreprise)'],
] as const;

export default function NewStructure() {
  const { communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const fieldErrors = errors?.fieldErrors ?? {};
  const values = typedValues(errors?.values);
  return (
    <div className="stack">
      <h1>Inscrire une structure de l’ESS</h1>
      <p>Vous en deviendrez le premier membre et pourrez inviter vos collègues.</p>
      <FormResult result={errors} />
      <Form method="post" className="stack" noValidate>
        <Field id="name" label="Nom de la structure" errors={fieldErrors.name}>
          {(props) => <input {...props} name="name" autoComplete="organization" defaultValue={values.text('name')} required />}
        </Field>
        <Field id="legalForm" label="Forme juridique" errors={fieldErrors.legalForm}>
          {(props) => (
            <select {...props} name="legalForm" defaultValue={values.text('legalForm', 'ASSOCIATION')}>
              {legalForms.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="siret" label="SIRET" hint="(14 chiffres, sur l’avis de situation INSEE)" errors={fieldErrors.siret}>
          {(props) => <input {...props} name="siret" inputMode="numeric" autoComplete="off" defaultValue={values.text('siret')} required />}
        </Field>
        <Field id="address" label="Adresse du siège" errors={fieldErrors.address}>
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
        <fieldset aria-describedby={fieldErrors.skillsEligibility ? 'eligibility-error' : 'eligibility-hint'}>
          <legend>La structure peut-elle accueillir des agents du Département en mécénat de compétences ?</legend>
          <p id="eligibility-hint" className="hint">
            Loi n° 2022-217, article 209. Votre déclaration sera vérifiée par la Mission ESS avant toute mise à disposition.
          </p>
          {eligibilities.map(([value, label]) => (
            <div key={value} className="radio">
              <input type="radio" id={`eligibility-${value}`} name="skillsEligibility" value={value} defaultChecked={values.text('skillsEligibility', 'NONE') === value} />
              <label htmlFor={`eligibility-${value}`}>{label}</label>
            </div>
          ))}
          {fieldErrors.skillsEligibility ? (
            <p id="eligibility-error" className="error-text">
              {fieldErrors.skillsEligibility.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" disabled={busy}>
          Inscrire la structure
        </button>
      </Form>
    </div>
  );
}
