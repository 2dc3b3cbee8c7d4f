import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { publicationFormData, publish } from '~/.server/publishing/publish';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { formValues, typedValues, type TypedValues } from '~/lib/form-values';
import { PUBLICATION_KINDS, publicationForms, publicationInput, WEEK_INPUTS, type PublicationField, type PublicationKind } from '~/lib/publication-fields';
import { CommuneOptions } from '~/components/commune-options';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.heading ?? 'Publier'} — Passerelles` }];

function kindOf(param: string | undefined): PublicationKind {
  const kind = PUBLICATION_KINDS.find((candidate) => candidate === param);
  if (!kind) throw new AppError('NOT_FOUND', 'Cette page n’existe pas.');
  return kind;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const kind = kindOf(params.kind);
    const organisationId = new URL(request.url).searchParams.get('organisation');
    const data = await publicationFormData(context.services, user, kind, organisationId);
    return { ...data, kind, organisationId, heading: publicationForms[kind].heading };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const kind = kindOf(params.kind);
    const organisationId = new URL(request.url).searchParams.get('organisation');
    const { id, isOffer, pendingApproval } = await publish(context.services, user, kind, organisationId, publicationInput(kind, form));
    if (pendingApproval) return redirect('/espace/agent#accords');
    return redirect(isOffer ? `/offres/${id}/suggestions` : `/besoins/${id}/suggestions`);
  } catch (error) {
    return formFailure(error, { values: formValues(form) });
  }
}

function Input({
  field,
  errors,
  values,
  communes,
  defaultCommune,
}: {
  field: PublicationField;
  errors?: string[];
  values: TypedValues;
  communes: { code: string; name: string }[];
  defaultCommune: string;
}) {
  const id = `f-${field.name}`;
  if (field.type === 'checkbox') {
    return (
      <div className="checkbox">
        <input type="checkbox" id={id} name={field.name} defaultChecked={values.checked(field.name)} />
        <label htmlFor={id}>{field.label}</label>
      </div>
    );
  }
  if (field.type === 'choices' || field.type === 'multiple') {
    return (
      <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
        <legend>{field.label}</legend>
        {field.options.map((option) => (
          <div key={option.value} className={field.type === 'choices' ? 'radio' : 'checkbox'}>
            <input
              type={field.type === 'choices' ? 'radio' : 'checkbox'}
              id={`${id}-${option.value}`}
              name={field.name}
              value={option.value}
              defaultChecked={field.type === 'choices' ? values.text(field.name, field.options[0]?.value) === option.value : values.checked(field.name, option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
        {errors?.length ? (
          <p id={`${id}-error`} className="error-text">
            {errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
    );
  }
  if (field.type === 'weeks') {
    return (
      <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
        <legend>{`${field.label} ${field.hint ?? ''}`}</legend>
        {Array.from({ length: WEEK_INPUTS }, (_, index) => (
          <Field key={index} id={`${id}-${index}`} label={`Semaine ${index + 1}`}>
            {(props) => <input {...props} type="date" name={field.name} defaultValue={values.all(field.name)[index]} />}
          </Field>
        ))}
        {errors?.length ? (
          <p id={`${id}-error`} className="error-text">
            {errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
    );
  }
  const defaultValue = 'defaultValue' in field ? field.defaultValue : undefined;
  return (
    <Field id={id} label={field.label} hint={field.hint} errors={errors}>
      {(props) =>
        field.type === 'textarea' ? (
          <textarea {...props} name={field.name} rows={4} defaultValue={values.text(field.name)} />
        ) : field.type === 'commune' ? (
          <select {...props} name={field.name} defaultValue={values.text(field.name, defaultCommune)}>
            <CommuneOptions communes={communes} />
          </select>
        ) : (
          <input {...props} name={field.name} type={field.type === 'number' ? 'text' : field.type} inputMode={field.type === 'number' ? 'numeric' : undefined} defaultValue={values.text(field.name, defaultValue)} />
        )
      }
    </Field>
  );
}

export default function Publish() {
  const { kind, heading, organisationName, communes, defaultCommune } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const values = typedValues(errors?.values);
  return (
    <div className="stack">
      <h1>{heading}</h1>
      {organisationName ? <p className="meta">{`Pour : ${organisationName}`}</p> : null}
      {kind === 'offre-competences' ? (
        <p>Votre proposition sera publiée dès que votre responsable hiérarchique aura donné son accord, depuis le lien que vous pourrez lui envoyer.</p>
      ) : (
        <p>Votre publication est visible aussitôt ; la Mission ESS peut la retirer si elle ne respecte pas les règles du service.</p>
      )}
      <FormResult result={errors} />
      <Form method="post" className="stack" noValidate>
        {publicationForms[kind].fields.map((field) => (
          <Input
            key={field.name}
            field={field}
            errors={errors?.fieldErrors[field.name] ?? errors?.fieldErrors[`${field.name}.0`]}
            values={values}
            communes={communes}
            defaultCommune={defaultCommune}
          />
        ))}
        <button type="submit" disabled={busy}>
          {busy ? 'Publication…' : 'Publier'}
        </button>
      </Form>
    </div>
  );
}
