import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { checkContent, getContent, publishContent } from '~/.server/contents/published-contents';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.content.name ?? 'Contenu'} — Mission ESS — Passerelles` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { content: await getContent(context.services, user, params.kind ?? '', params.key ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  const intent = form.get('intent');
  // What was typed comes back with every answer, so that a page drawn again without JavaScript keeps it, and the
  // version it was based on with it: after a refusal (someone published in between), publishing it again is refused too.
  const typed = { body: String(form.get('body') ?? ''), note: String(form.get('note') ?? ''), baseVersion: String(form.get('baseVersion') ?? '') };
  const slug = params.kind ?? '';
  const key = params.key ?? '';
  try {
    if (intent === 'verifier') {
      await checkContent(context.services, user, slug, key, { body: form.get('body') });
      return { ok: true as const, intent, message: 'Le texte est valide : il peut être publié.', jobId: null, ...typed };
    }
    if (intent === 'publier') {
      const { version, jobId } = await publishContent(context.services, user, {
        slug,
        key,
        body: form.get('body'),
        note: form.get('note'),
        baseVersion: form.get('baseVersion'),
      });
      return { ok: true as const, intent, message: `Version n° ${version} publiée : elle est en vigueur.`, jobId, body: null, note: '', baseVersion: null };
    }
    return data({ ok: false as const, formError: 'Action inconnue : choisissez « Vérifier » ou « Publier ».', fieldErrors: {} as Record<string, string[]>, ...typed }, { status: 400 });
  } catch (error) {
    return formFailure(error, typed);
  }
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

function TemplateHelp() {
  return (
    <details>
      <summary>Aide : écrire un modèle de convention</summary>
      <ul>
        <li>
          L’en-tête, entre les deux lignes <code>---</code>, garde la même <code>id</code> et le même <code>kind</code>.{' '}
          <strong>Changez la <code>version</code> à chaque publication</strong> (la date du jour, par exemple <code>2026-12-03</code>) : chaque
          convention enregistre la version et l’empreinte du modèle qui l’a produite.
        </li>
        <li>
          <code>{'{{host.name}}'}</code> insère une donnée de la convention ; <code>{'{{#free}}…{{/free}}'}</code> n’écrit le texte que si la
          condition est vraie, <code>{'{{^free}}…{{/free}}'}</code> que si elle est fausse ; <code>{'{{#skills}}- {{label}}{{/skills}}'}</code>{' '}
          répète une ligne pour chaque élément d’une liste.
        </li>
        <li>
          Mise en forme : <code>#</code>, <code>##</code>, <code>###</code> pour les titres (les articles sont des titres <code>##</code>),{' '}
          <code>- </code> pour une liste, <code>**gras**</code>, une ligne vide entre deux paragraphes.
        </li>
        <li>
          Les données disponibles sont décrites dans <code>matching/conventions/templates/README.md</code>. « Vérifier » remplit le modèle avec
          les exemples de chaque cas (gratuit ou payant, groupement, avenant, sans SIRET…) et signale toute donnée absente, avec sa ligne.
        </li>
      </ul>
    </details>
  );
}

function ThesaurusHelp() {
  return (
    <details>
      <summary>Aide : modifier le thésaurus</summary>
      <ul>
        <li>
          Le texte est du JSON : <code>{'{ "sources": [ … ], "groups": [ { "label": "finances", "terms": ["budget", "trésorerie"] } ] }'}</code>.
          Guillemets droits, une virgule entre deux éléments et aucune après le dernier.
        </li>
        <li>Chaque groupe réunit au moins deux termes de même sens ; son libellé, unique, apparaît dans les explications données aux utilisateurs.</li>
        <li>Majuscules, accents, pluriel et féminin sont ignorés ; les petits mots (le, de, pour…) aussi. Évitez les mots à plusieurs sens.</li>
        <li>
          Après la publication, les vecteurs de toutes les offres et de tous les besoins sont recalculés en arrière-plan : les suggestions
          utilisent le nouveau thésaurus au fur et à mesure.
        </li>
      </ul>
    </details>
  );
}

export default function ContentEditor() {
  const { content } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const isTemplate = content.kind === 'CONVENTION_TEMPLATE';
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  const bodyErrors = fieldErrors.body ?? [];
  const base = `/admin/contenus/${content.slug}/${content.key}`;
  const verified = result?.ok === true && result.intent === 'verifier';
  return (
    <div className="stack">
      <p>
        <Link to="/admin">Mission ESS</Link> · <Link to="/admin/contenus">Modèles et thésaurus</Link>
      </p>
      <h1>{content.name}</h1>
      <p>
        {`Version en vigueur : n° ${content.version}${content.version === 0 ? ' (fichier livré avec l’application)' : ''}. Empreinte SHA-256 : `}
        <code className="hash">{content.sha256}</code>
      </p>
      <FormResult result={result} details={bodyErrors.length > 1 ? [`${bodyErrors.length} problèmes, détaillés sous le texte.`] : undefined} />
      {result?.ok && result.jobId ? (
        <p>
          <Link to={`/travaux/${result.jobId}`}>Suivre le recalcul des vecteurs des offres et des besoins</Link>
        </p>
      ) : null}
      {/* A plain form: the PDF preview opens a document, which only a real navigation can show. */}
      <Form method="post" reloadDocument className="stack">
        <input type="hidden" name="baseVersion" value={result?.baseVersion ?? content.version} />
        {isTemplate ? <TemplateHelp /> : <ThesaurusHelp />}
        <div className="field">
          <label htmlFor="body">
            {isTemplate ? 'Texte du modèle' : 'Thésaurus (JSON)'}
            <span id="body-hint" className="hint">
              {isTemplate
                ? ' En-tête entre deux lignes « --- », puis le texte de la convention avec ses variables {{…}}.'
                : ' Sources puis groupes de termes de même sens, au format JSON.'}
            </span>
          </label>
          <textarea
            id="body"
            name="body"
            rows={30}
            spellCheck={isTemplate}
            style={{ fontFamily: 'monospace', fontSize: '0.9rem' }}
            defaultValue={result?.body ?? content.body}
            aria-describedby={bodyErrors.length ? 'body-hint body-error' : 'body-hint'}
            aria-invalid={bodyErrors.length ? true : undefined}
          />
          {bodyErrors.length ? (
            <ul id="body-error" className="error-text">
              {bodyErrors.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Field id="note" label="Ce qui change" hint="Obligatoire pour publier ; conservé dans l’historique." errors={fieldErrors.note}>
          {(props) => <input {...props} name="note" maxLength={500} defaultValue={result?.note ?? ''} />}
        </Field>
        <div className="actions">
          <button type="submit" name="intent" value="verifier" className="button-secondary">
            Vérifier
          </button>
          {isTemplate ? (
            <button type="submit" formAction={`${base}/apercu`} formTarget="_blank" className="button-secondary">
              Aperçu PDF avec l’exemple (nouvel onglet)
            </button>
          ) : null}
          <button type="submit" name="intent" value="publier">
            Publier
          </button>
        </div>
        {verified && isTemplate ? (
          <p className="meta">Relisez le texte rempli avec l’exemple principal : bouton « Aperçu PDF avec l’exemple ».</p>
        ) : null}
      </Form>
      <h2>Historique des versions</h2>
      <TableScroll label="Historique des versions">
        <table>
          <caption className="visually-hidden">{`Versions de « ${content.name} », la plus récente d’abord`}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Publiée</th>
              <th scope="col">Ce qui change</th>
              <th scope="col">Texte</th>
            </tr>
          </thead>
          <tbody>
            {content.history.map((entry) => (
              <tr key={entry.version}>
                <td>{entry.version === content.version ? `${entry.version} (en vigueur)` : String(entry.version)}</td>
                <td>{entry.at ? `${dateTime.format(new Date(entry.at))}, par ${entry.by ?? '—'}` : '—'}</td>
                <td>{entry.note}</td>
                <td>
                  <a href={`${base}/telecharger?version=${entry.version}`} download>
                    Télécharger<span className="visually-hidden">{` la version ${entry.version}`}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
