import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { assertAccess } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { importFrr, importQpv, type ZoneFile } from '~/.server/zones/import';
import { MAX_FRR_FILE_BYTES, MAX_QPV_FILE_BYTES } from '~/lib/zone-file-limits';
import { zonesState } from '~/.server/zones/state';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { TableScroll } from '~/components/table-scroll';
import { formatDate, plural } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Zones prioritaires (FRR, QPV) — Mission ESS — Passerelles' }];

type ZoneKind = 'frr' | 'qpv';
const limits: Record<ZoneKind, number> = { frr: MAX_FRR_FILE_BYTES, qpv: MAX_QPV_FILE_BYTES };
const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} Mo`;
const refusedSummary: Record<ZoneKind, string> = {
  frr: 'Liste FRR non importée : rien n’a été modifié.',
  qpv: 'Périmètres QPV non importés : rien n’a été modifié.',
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await zonesState(context.services, user);
  } catch (error) {
    throwAsResponse(error);
  }
}

/** The file of the form, read within the size limit of its kind (the kind travels in the address, before the body). */
async function uploadedFile(request: Request, kind: ZoneKind): Promise<ZoneFile | null> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return null;
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: limits[kind] }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new AppError('VALIDATION', refusedSummary[kind], { fieldErrors: { file: [`Le fichier dépasse ${megabytes(limits[kind])}.`] } });
    }
    throw error;
  }
  const file = form.get('file');
  return file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const param = new URL(request.url).searchParams.get('import');
  const kind: ZoneKind | null = param === 'frr' || param === 'qpv' ? param : null;
  try {
    assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
    if (!kind) throw new AppError('VALIDATION', 'Import inconnu : choisissez la liste FRR ou les périmètres QPV.');
    const file = await uploadedFile(request, kind);
    if (kind === 'frr') {
      const result = await importFrr(context.services, file, { actorId: user.id });
      const classified = Object.entries(result.classified).map(([classification, count]) => `${classification} : ${count}`);
      const total = Object.values(result.classified).reduce((sum, count) => sum + count, 0);
      return {
        ok: true as const,
        kind,
        message:
          `Liste FRR importée : ${plural(total, 'commune du Gard classée', 'communes du Gard classées')}` +
          `${classified.length ? ` (${classified.join(', ')})` : ''}, ${result.notClassified} non classée(s) ; ` +
          `${plural(result.otherDepartments, 'ligne')} d’autres départements ignorée(s).`,
        warnings: result.unknownCommunes,
      };
    }
    const result = await importQpv(context.services, file, { actorId: user.id });
    return {
      ok: true as const,
      kind,
      message:
        `Périmètres QPV importés : ${plural(result.areas, 'quartier')} du Gard (${result.outsideGard} hors du Gard ignoré(s)). ` +
        `En QPV : ${result.organisations.inQpv} organisation(s) sur ${result.organisations.located} géolocalisée(s), ` +
        `${result.properties.inQpv} bien(s) sur ${result.properties.located}.`,
      warnings: [],
    };
  } catch (error) {
    return formFailure(error, { kind });
  }
}

function ImportForm({ kind, label, hint, accept, busy }: { kind: ZoneKind; label: string; hint: string; accept: string; busy: boolean }) {
  const result = useActionData<typeof action>();
  const mine = result && result.kind === kind ? result : null;
  const problems = mine && !mine.ok ? (mine.fieldErrors.file ?? []) : [];
  const id = `${kind}-file`;
  return (
    <>
      <FormResult result={mine} details={mine?.ok ? mine.warnings : undefined} />
      <Form method="post" action={`/admin/zones?import=${kind}`} encType="multipart/form-data" className="stack">
        <Field
          id={id}
          label={label}
          hint={hint}
          errors={problems.length > 1 ? [`${problems.length} problèmes, détaillés ligne par ligne ci-dessous.`] : problems}
        >
          {(props) => <input {...props} type="file" name="file" accept={accept} required />}
        </Field>
        {problems.length > 1 ? (
          <ul className="error-text" aria-label="Problèmes du fichier">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Import en cours…' : 'Importer'}
        </button>
      </Form>
    </>
  );
}

const lastImportText = (last: { at: string; by: string | null; file: string | null } | null) =>
  last
    ? `dernier import le ${formatDate(last.at)}${last.by ? `, par ${last.by}` : ', en ligne de commande'}${last.file ? ` (fichier ${last.file})` : ''}`
    : 'jamais importé';

export default function Zones() {
  const { communes, frr, qpvAreas, lastFrr, lastQpv, located } = useLoaderData<typeof loader>();
  const form = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const frrTotal = frr.reduce((sum, group) => sum + group.count, 0);
  return (
    <div className="stack">
      <p>
        <Link to="/admin">Mission ESS</Link>
      </p>
      <h1>Zones prioritaires (FRR, QPV)</h1>
      <p className="lead">
        Les élèves des quartiers prioritaires de la politique de la ville (QPV) et des communes France Ruralités Revitalisation (FRR)
        passent en premier lors de l’affectation des stages de 3e, et ces zones comptent dans les indicateurs du plan. Importez ici
        les fichiers officiels tels qu’ils sont publiés : chaque import remplace le précédent, en entier ou pas du tout.
      </p>
      {form && !form.kind ? <FormResult result={form} /> : null}

      <section aria-labelledby="etat" className="stack">
        <h2 id="etat">État actuel</h2>
        <ul>
          <li>
            {`${plural(frrTotal, 'commune classée', 'communes classées')} en FRR sur ${communes} communes du Gard`}
            {frr.length ? ` (${frr.map((group) => `${group.classification} : ${group.count}`).join(', ')})` : ''}
            {` — ${lastImportText(lastFrr)}.`}
          </li>
          <li>{`${plural(qpvAreas.length, 'quartier prioritaire', 'quartiers prioritaires')} (QPV) — ${lastImportText(lastQpv)}.`}</li>
          <li>
            {`Adresses géolocalisées : ${located.organisations} organisation(s), dont ${located.organisationsInQpv} en QPV ; ` +
              `${located.properties} bien(s), dont ${located.propertiesInQpv} en QPV. Sans coordonnées, une adresse garde ce qui a été déclaré.`}
          </li>
        </ul>
        {qpvAreas.length ? (
          <TableScroll label="Quartiers prioritaires du Gard">
            <table>
              <caption>Quartiers prioritaires du Gard</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Quartier</th>
                  <th scope="col">Commune(s)</th>
                </tr>
              </thead>
              <tbody>
                {qpvAreas.map((area) => (
                  <tr key={area.code}>
                    <td>{area.code}</td>
                    <td>{area.name}</td>
                    <td>{area.communes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>

      <section aria-labelledby="import-frr" className="stack">
        <h2 id="import-frr">Liste des communes FRR (DGCL)</h2>
        <p>
          Le classeur de la DGCL tel quel, ou son export CSV (séparateur point-virgule ou virgule). Les communes du Gard qu’il classe
          prennent leur classement (FRR, FRR+…) ; toutes les autres le perdent. Les lignes des autres départements sont ignorées.
        </p>
        <ImportForm
          kind="frr"
          label="Liste des communes FRR (XLSX ou CSV)"
          hint={`(colonnes Code_insee, Departement, Commune et FRR, « Classement FRR » ou « Zonage FRR » — ${megabytes(MAX_FRR_FILE_BYTES)} au plus ; si une ligne est fausse, rien n’est importé)`}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          busy={busy}
        />
      </section>

      <section aria-labelledby="import-qpv" className="stack">
        <h2 id="import-qpv">Périmètres des QPV (ANCT)</h2>
        <p>
          Le GeoJSON de l’ANCT en WGS 84, national ou limité au Gard : seuls les quartiers du Gard sont gardés. Chaque organisation et
          chaque bien dont l’adresse a des coordonnées est ensuite placé dans un quartier ou hors de tout quartier.
        </p>
        <ImportForm
          kind="qpv"
          label="Périmètres des QPV (GeoJSON)"
          hint={`(propriétés code_qp, nom_qp et commune_qp, coordonnées en WGS 84 — ${megabytes(MAX_QPV_FILE_BYTES)} au plus ; si un quartier est faux, rien n’est importé)`}
          accept=".geojson,.json,application/geo+json,application/json"
          busy={busy}
        />
      </section>
    </div>
  );
}
