import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { assertAccess } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { listCommunes } from '~/.server/catalogue';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { propertyServicesOf, publishProperty } from '~/.server/publishing/property';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { formValues, typedValues } from '~/lib/form-values';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '~/lib/property-photos';
import { CommuneOptions } from '~/components/commune-options';
import { CoordinatesFields } from '~/components/coordinates-fields';

export const meta: MetaFunction = () => [{ title: 'Proposer un bien — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    assertAccess(user, { roles: ['PROPERTY_MANAGER'] });
    return { communes: await listCommunes(context.services) };
  } catch (error) {
    throwAsResponse(error);
  }
}

/** Hands each part to `upload` and notes the text fields in `typed` as they arrive, before any later part fails. */
const notingText =
  (typed: FormData, upload: UploadHandler): UploadHandler =>
  async (part) => {
    const value = await upload(part);
    if (typeof value === 'string') typed.append(part.name, value);
    return value;
  };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  // Sent back with a refusal, even when a photo over the limit stops the upload: the fields above it are kept.
  const typed = new FormData();
  try {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, notingText(typed, unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES })));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        throw new AppError('VALIDATION', 'Le bien n’a pas été publié.', { fieldErrors: { photos: ['Une photo dépasse 5 Mo.'] } });
      }
      throw error;
    }
    const photos = [];
    for (let index = 0; index < MAX_PHOTOS; index++) {
      const file = form.get(`photo-${index}`);
      if (file instanceof File && file.size > 0) photos.push({ body: new Uint8Array(await file.arrayBuffer()), alt: String(form.get(`photo-${index}-alt`) ?? '') });
    }
    const fields = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const organisationId = propertyServicesOf(user)[0] ?? '';
    const { id } = await publishProperty(context.services, user, organisationId, fields, photos);
    return redirect(`/offres/${id}/suggestions`);
  } catch (error) {
    return formFailure(error, { values: formValues(typed) });
  }
}

export default function NewProperty() {
  const { communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const fe = errors?.fieldErrors ?? {};
  const values = typedValues(errors?.values);
  return (
    <div className="stack">
      <h1>Proposer un bien vacant en occupation temporaire</h1>
      <p>Le bien est publié aussitôt dans le catalogue (plan ESS, action 1.3) ; les structures intéressées vous sont suggérées.</p>
      <FormResult result={errors} details={fe.photos} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <Field id="title" label="Intitulé" hint="(par exemple : Ancienne école de Saint-Hippolyte)" errors={fe.title}>
          {(props) => <input {...props} name="title" defaultValue={values.text('title')} required />}
        </Field>
        <Field id="description" label="Description" hint="(état, équipements, usages possibles)" errors={fe.description}>
          {(props) => <textarea {...props} name="description" rows={4} defaultValue={values.text('description')} required />}
        </Field>
        <Field id="propertyType" label="Type de bien" errors={fe.propertyType}>
          {(props) => (
            <select {...props} name="propertyType" defaultValue={values.text('propertyType', 'BUILDING')}>
              <option value="BUILDING">Bâtiment</option>
              <option value="LAND">Terrain</option>
              <option value="ROOFTOP">Toiture (solaire)</option>
            </select>
          )}
        </Field>
        <Field id="address" label="Adresse" errors={fe.address}>
          {(props) => <input {...props} name="address" autoComplete="street-address" defaultValue={values.text('address')} required />}
        </Field>
        <Field id="communeCode" label="Commune" errors={fe.communeCode}>
          {(props) => (
            <select {...props} name="communeCode" defaultValue={values.text('communeCode', '30189')}>
              <CommuneOptions communes={communes} />
            </select>
          )}
        </Field>
        <CoordinatesFields values={{ lat: values.text('lat'), lon: values.text('lon') }} errors={{ lat: fe.lat, lon: fe.lon }} />
        <Field id="surfaceM2" label="Surface (m²)" errors={fe.surfaceM2}>
          {(props) => <input {...props} name="surfaceM2" inputMode="numeric" defaultValue={values.text('surfaceM2')} required />}
        </Field>
        <Field id="floor" label="Étage" hint="(0 pour le rez-de-chaussée ; vide pour un terrain ou une toiture)" errors={fe.floor}>
          {(props) => <input {...props} name="floor" inputMode="numeric" defaultValue={values.text('floor')} />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="stepFreeAccess" name="stepFreeAccess" defaultChecked={values.checked('stepFreeAccess')} />
          <label htmlFor="stepFreeAccess">Accès de plain-pied (personnes à mobilité réduite)</label>
        </div>
        <Field id="domain" label="Domaine" errors={fe.domain}>
          {(props) => (
            <select {...props} name="domain" defaultValue={values.text('domain', 'PRIVATE')}>
              <option value="PRIVATE">Domaine privé du Département</option>
              <option value="PUBLIC">Domaine public du Département</option>
            </select>
          )}
        </Field>
        <Field id="yearlyFee" label="Redevance annuelle (euros)" hint="(vide si la mise à disposition est gratuite)" errors={fe.yearlyFee}>
          {(props) => <input {...props} name="yearlyFee" inputMode="decimal" defaultValue={values.text('yearlyFee')} />}
        </Field>
        <Field id="counterparts" label="Conditions et contreparties" hint="(facultatif)" errors={fe.counterparts}>
          {(props) => <textarea {...props} name="counterparts" rows={3} defaultValue={values.text('counterparts')} />}
        </Field>
        <Field id="availableFrom" label="Disponible à partir du" hint="(facultatif)" errors={fe.availableFrom}>
          {(props) => <input {...props} type="date" name="availableFrom" defaultValue={values.text('availableFrom')} />}
        </Field>
        <Field id="availableUntil" label="Jusqu’au" hint="(facultatif)" errors={fe.availableUntil}>
          {(props) => <input {...props} type="date" name="availableUntil" defaultValue={values.text('availableUntil')} />}
        </Field>
        <Field id="callDeadline" label="Date limite de l’appel à occupation" hint="(facultatif)" errors={fe.callDeadline}>
          {(props) => <input {...props} type="date" name="callDeadline" defaultValue={values.text('callDeadline')} />}
        </Field>
        <fieldset aria-describedby={fe.photos?.length ? 'photos-hint' : undefined}>
          <legend>{`Photos (${MAX_PHOTOS} au plus, JPEG, PNG ou WebP, 5 Mo chacune)`}</legend>
          {fe.photos?.length ? (
            <p id="photos-hint" className="hint">
              Une photo a été refusée. Les textes saisis ont été gardés, mais un fichier ne peut pas l’être : choisissez de nouveau les photos à joindre.
            </p>
          ) : null}
          {Array.from({ length: MAX_PHOTOS }, (_, index) => (
            <div key={index} className="stack">
              <Field id={`photo-${index}`} label={`Photo ${index + 1}`}>
                {(props) => <input {...props} type="file" name={`photo-${index}`} accept="image/jpeg,image/png,image/webp" />}
              </Field>
              <Field id={`photo-${index}-alt`} label={`Description de la photo ${index + 1}`} hint="(lue par les lecteurs d’écran)">
                {(props) => <input {...props} name={`photo-${index}-alt`} defaultValue={values.text(`photo-${index}-alt`)} />}
              </Field>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? 'Publication…' : 'Publier le bien'}
        </button>
      </Form>
    </div>
  );
}
