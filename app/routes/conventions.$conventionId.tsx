import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { editConvention, sendForSignature } from '~/.server/conventions/issue';
import { cancelConvention, draftAmendment } from '~/.server/conventions/lifecycle-actions';
import { conventionPage } from '~/.server/conventions/queries';
import { recordPaperSignature } from '~/.server/conventions/signing';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { SCHEDULE_DAYS, termSections, termsFromForm, type TermField } from '~/lib/convention-fields';
import { formatDate } from '~/lib/labels';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.reference ?? 'Convention'} — Passerelles` }];

const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await conventionPage(context.services, user, params.conventionId ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

async function readForm(request: Request): Promise<FormData> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SCAN_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new AppError('VALIDATION', 'Le scan n’a pas été enregistré.', { fieldErrors: { scan: ['Le fichier dépasse 10 Mo.'] } });
    }
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const id = params.conventionId ?? '';
  const services = context.services;
  try {
    const form = await readForm(request);
    const intent = form.get('intent');
    if (intent === 'save') {
      const kind = form.get('kind');
      if (kind !== 'COMPETENCE' && kind !== 'LIEU' && kind !== 'STAGE') throw new AppError('VALIDATION', 'Type de convention inconnu.');
      const reason = form.get('reason');
      const result = await editConvention(services, user, id, termsFromForm(kind, form), typeof reason === 'string' ? reason : undefined);
      return { ok: true as const, message: result.status === 'DRAFT' ? 'Projet enregistré.' : `Version ${'version' in result ? result.version : ''} envoyée pour signature ; les signatures précédentes sont annulées.` };
    }
    if (intent === 'send') {
      const result = await sendForSignature(services, user, id);
      return { ok: true as const, message: `Version ${result.version} envoyée : chaque signataire reçoit son lien par e-mail.` };
    }
    if (intent === 'cancel') {
      await cancelConvention(services, user, id, form.get('reason'));
      return { ok: true as const, message: 'Convention annulée ; les parties sont prévenues.' };
    }
    if (intent === 'amend') {
      const amendment = await draftAmendment(services, user, id, form.get('summary'));
      return redirect(`/conventions/${amendment.id}`);
    }
    if (intent === 'paper') {
      const file = form.get('scan');
      const scan = file instanceof File && file.size > 0 ? { body: new Uint8Array(await file.arrayBuffer()), contentType: file.type } : null;
      await recordPaperSignature(services, user, id, { signatoryId: form.get('signatoryId'), file: scan });
      return { ok: true as const, message: 'Signature sur papier enregistrée.' };
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    return formFailure(error);
  }
}

function TermInput({ field, value, errors }: { field: TermField; value: unknown; errors?: string[] }) {
  if (field.type === 'checkbox') {
    return (
      <div className="checkbox">
        <input type="checkbox" id={`t-${field.name}`} name={field.name} defaultChecked={value === true} />
        <label htmlFor={`t-${field.name}`}>{field.label}</label>
      </div>
    );
  }
  return (
    <Field id={`t-${field.name}`} label={field.label} hint={field.hint} errors={errors}>
      {(props) =>
        field.type === 'textarea' ? (
          <textarea {...props} name={field.name} rows={3} defaultValue={String(value ?? '')} />
        ) : (
          <input {...props} name={field.name} type={field.type === 'number' ? 'text' : field.type} inputMode={field.type === 'number' ? 'numeric' : undefined} defaultValue={value === undefined ? '' : String(value)} />
        )
      }
    </Field>
  );
}

export default function ConventionPage() {
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const terms = c.terms as unknown as Record<string, unknown>;
  const editable = c.actions.includes('edit');
  const sent = c.status !== 'DRAFT';
  const days = c.terms.kind === 'STAGE' ? c.terms.days : [];
  return (
    <div className="stack">
      <p>
        <Link to="/conventions">Toutes mes conventions</Link> · <Link to={`/mises-en-relation/${c.matchId}`}>La mise en relation</Link>
      </p>
      <h1>{c.title}</h1>
      <dl className="facts">
        <dt>Référence</dt>
        <dd>{c.reference}</dd>
        <dt>État</dt>
        <dd>{c.statusReason ? `${c.statusLabel} — ${c.statusReason}` : c.statusLabel}</dd>
        <dt>Version</dt>
        <dd>{`${c.version} (modèle du ${c.templateVersion})`}</dd>
        <dt>Code de vérification</dt>
        <dd>
          <code>{c.verificationCode}</code> (<Link to="/verification">vérifier</Link>)
        </dd>
        <dt>Entre</dt>
        <dd>{`${c.needTitle} / ${c.offerTitle}`}</dd>
        {c.pupil ? (
          <>
            <dt>Élève</dt>
            <dd>{`${c.pupil.name} (${c.pupil.className})`}</dd>
          </>
        ) : null}
        {c.amends ? (
          <>
            <dt>Avenant à</dt>
            <dd>
              <Link to={`/conventions/${c.amends.id}`}>{c.amends.reference}</Link>
              {c.amendmentSummary ? ` — ${c.amendmentSummary}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/conventions/${c.id}/pdf`} download>
          {c.finalPdf ? 'Télécharger la convention signée (PDF)' : c.status === 'DRAFT' ? 'Voir le projet (PDF)' : `Télécharger la version ${c.version} (PDF)`}
        </a>
      </p>
      <FormResult result={result} details={errors?.fieldErrors.days} />

      <section aria-labelledby="signataires">
        <h2 id="signataires">Signataires</h2>
        {c.signatories.length === 0 ? (
          <p className="empty">Les signataires reçoivent leur lien quand la convention est envoyée pour signature.</p>
        ) : (
          <TableScroll label="Signataires et signatures">
            <table>
              <caption className="visually-hidden">Signataires et état de leur signature</caption>
              <thead>
                <tr>
                  <th scope="col">Rôle</th>
                  <th scope="col">Nom</th>
                  <th scope="col">Signature (version {c.version})</th>
                </tr>
              </thead>
              <tbody>
                {c.signatories.map((s) => (
                  <tr key={s.id}>
                    <td>{s.roleLabel}</td>
                    <td>{s.name}</td>
                    <td>
                      {s.signedAt ? `Signée le ${formatDate(s.signedAt)}${s.method === 'PAPER' ? ' (sur papier)' : ''}` : 'En attente'}
                      {s.voided.length ? ` · ${s.voided.length} signature(s) annulée(s) par une nouvelle version` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      {c.missing.length && c.status === 'DRAFT' ? (
        <p className="alert">{`À compléter avant l’envoi : ${c.missing.join(', ')}.`}</p>
      ) : null}

      {c.actions.includes('send_for_signature') ? (
        <Form method="post">
          <input type="hidden" name="intent" value="send" />
          <button type="submit" disabled={busy || c.missing.length > 0}>
            Envoyer pour signature
          </button>
        </Form>
      ) : null}

      {editable ? (
        <section aria-labelledby="conditions">
          <h2 id="conditions">{sent ? 'Modifier la convention' : 'Compléter le projet'}</h2>
          {sent ? (
            <p className="alert">
              Toute modification crée une nouvelle version : les signatures déjà données sont annulées et chaque signataire reçoit un nouveau lien, avec le motif.
            </p>
          ) : null}
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="kind" value={c.kind} />
            {termSections[c.kind]
              .filter((section) => !section.rooftopOnly || c.rooftop)
              .map((section) => (
                <fieldset key={section.title}>
                  <legend>{section.title}</legend>
                  {section.fields.map((field) => (
                    <TermInput key={field.name} field={field} value={terms[field.name]} errors={errors?.fieldErrors[field.name]} />
                  ))}
                </fieldset>
              ))}
            {c.kind === 'STAGE' ? (
              <fieldset>
                <legend>Emploi du temps (5 jours, horaires de présence)</legend>
                {Array.from({ length: SCHEDULE_DAYS }, (_, index) => {
                  const day = days[index];
                  return (
                    <div key={index} className="schedule-day">
                      <Field id={`day-${index}`} label={`Jour ${index + 1}`}>
                        {(props) => <input {...props} type="date" name={`days.${index}.date`} defaultValue={day?.date ?? ''} />}
                      </Field>
                      {(['morning', 'afternoon'] as const).map((half) => (
                        <span key={half} className="schedule-period">
                          <Field id={`day-${index}-${half}-start`} label={`${half === 'morning' ? 'Matin' : 'Après-midi'}, arrivée`}>
                            {(props) => <input {...props} type="time" name={`days.${index}.${half}.start`} defaultValue={day?.[half].start ?? ''} />}
                          </Field>
                          <Field id={`day-${index}-${half}-end`} label={`${half === 'morning' ? 'Matin' : 'Après-midi'}, départ`}>
                            {(props) => <input {...props} type="time" name={`days.${index}.${half}.end`} defaultValue={day?.[half].end ?? ''} />}
                          </Field>
                        </span>
                      ))}
                    </div>
                  );
                })}
              </fieldset>
            ) : null}
            {sent ? (
              <Field id="edit-reason" label="Motif de la modification" hint="(communiqué à chaque signataire)" errors={errors?.fieldErrors.reason}>
                {(props) => <textarea {...props} name="reason" rows={2} required />}
              </Field>
            ) : null}
            <button type="submit" disabled={busy}>
              {sent ? 'Enregistrer et envoyer la nouvelle version' : 'Enregistrer le projet'}
            </button>
          </Form>
        </section>
      ) : null}

      {c.actions.includes('sign') && c.signatories.some((s) => !s.signedAt) ? (
        <section aria-labelledby="papier">
          <h2 id="papier">Signature sur papier</h2>
          <p>Si un ou une signataire a signé la version imprimée, déposez le scan : il est enregistré comme tel.</p>
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="intent" value="paper" />
            <Field id="paper-signatory" label="Signataire" errors={errors?.fieldErrors.signatoryId}>
              {(props) => (
                <select {...props} name="signatoryId">
                  {c.signatories
                    .filter((s) => !s.signedAt)
                    .map((s) => (
                      <option key={s.id} value={s.id}>{`${s.roleLabel} — ${s.name}`}</option>
                    ))}
                </select>
              )}
            </Field>
            <Field id="paper-scan" label="Scan signé" hint="(PDF, PNG ou JPEG, 10 Mo au plus)" errors={errors?.fieldErrors.scan ?? errors?.fieldErrors.contentType ?? errors?.fieldErrors.size}>
              {(props) => <input {...props} type="file" name="scan" accept="application/pdf,image/png,image/jpeg" required />}
            </Field>
            <button type="submit" className="button-secondary" disabled={busy}>
              Enregistrer la signature sur papier
            </button>
          </Form>
        </section>
      ) : null}

      {c.actions.includes('amend') ? (
        <section aria-labelledby="avenant">
          <h2 id="avenant">Avenant</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="amend" />
            <Field id="amend-summary" label="Objet de l’avenant" errors={errors?.fieldErrors.summary}>
              {(props) => <textarea {...props} name="summary" rows={2} required />}
            </Field>
            <button type="submit" className="button-secondary" disabled={busy}>
              Rédiger un avenant
            </button>
          </Form>
        </section>
      ) : null}

      {c.actions.includes('cancel') ? (
        <section aria-labelledby="annuler">
          <h2 id="annuler">Annuler la convention</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <Field id="cancel-reason" label="Motif de l’annulation" hint="(communiqué aux parties)" errors={errors?.fieldErrors.reason}>
              {(props) => <textarea {...props} name="reason" rows={2} required />}
            </Field>
            <button type="submit" className="button-danger" disabled={busy}>
              Annuler la convention
            </button>
          </Form>
        </section>
      ) : null}

      {c.versions.length ? (
        <section aria-labelledby="versions">
          <h2 id="versions">Versions</h2>
          <ul>
            {c.versions.map((v) => (
              <li key={v.number}>
                {`Version ${v.number} du ${formatDate(v.createdAt)} — empreinte SHA-256 `}
                <code className="hash">{v.sha256}</code>
                {v.voidReason ? ` — remplacée : ${v.voidReason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
