import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorReport } from '../../app/.server/indicators';
import { ADDITIVE_GROUPS } from '../../app/.server/open-data/measures';
import { MEASURES, OPEN_DATA_MIN_COUNT, type OpenDataRow } from '../../app/.server/open-data';
import * as pageRoute from '../../app/routes/donnees._index';
import { loader as csvLoader } from '../../app/routes/donnees.indicateurs[.]csv';
import { loader as jsonLoader } from '../../app/routes/donnees.indicateurs[.]json';
import { loader as schemaLoader } from '../../app/routes/donnees.schema[.]json';
import { breakdownRows, figure } from '../support/indicator-rows';
import { createOpenDataFixture, type OpenDataFixture } from '../support/open-data-fixture';
import { statusOf } from '../support/route-calls';
import { requestWithCookie } from '../support/test-services';

let fixture: OpenDataFixture;
beforeAll(async () => {
  fixture = await createOpenDataFixture();
});
afterAll(() => fixture.db.close());

type Loader = (args: { request: Request; context: never; params: Record<string, string> }) => unknown;
const call = async (loader: unknown, path: string, cookie: string | null = null) =>
  (await (loader as Loader)({ request: requestWithCookie(path, cookie), context: { services: fixture.services, clientIp: '127.0.0.1' } as never, params: {} })) as Response;

interface JsonBody {
  annee: number;
  territoire: { code: string; nom: string };
  seuil_secret: number;
  licence: { name: string };
  donnees: OpenDataRow[];
}
const json = async (query: string) => (await (await call(jsonLoader, `/donnees/indicateurs.json?${query}`)).json()) as JsonBody;

/** RFC 4180, enough for what the endpoint writes (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(([, cell]) => (cell?.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : (cell ?? ''))));
}

const rowsOf = (rows: OpenDataRow[], mesure: string) => rows.filter((row) => row.mesure === mesure);
const cellOf = (rows: OpenDataRow[], mesure: string, categorie: string | null = null) => {
  const found = rows.find((row) => row.mesure === mesure && row.categorie === categorie);
  if (!found) throw new Error(`${mesure} / ${categorie} absent`);
  return found;
};

/** The value the dashboard computes for a published measure, read the way the measure list says. */
function reportValue(report: IndicatorReport, mesure: string, categorie: string | null): number | null {
  const measure = MEASURES.find((candidate) => candidate.id === mesure);
  if (!measure) throw new Error(`mesure ${mesure} inconnue`);
  if ('figure' in measure.source) return figure(report.indicators, measure.indicator, measure.source.figure);
  const { breakdown, column } = measure.source;
  const row = breakdownRows(report.indicators, breakdown).find((candidate) => candidate[0] === categorie);
  return typeof row?.[column] === 'number' ? row[column] : null;
}

describe('open data: /donnees/indicateurs.json and .csv', () => {
  let body: JsonBody;
  let report: IndicatorReport;
  beforeAll(async () => {
    body = await json('annee=2026');
    report = await computeIndicators(fixture.services, { year: 2026 });
  });

  it('is public: no sign-in, cacheable, licensed', async () => {
    for (const [loader, path] of [
      [jsonLoader, '/donnees/indicateurs.json'],
      [csvLoader, '/donnees/indicateurs.csv?annee=2025'],
      [schemaLoader, '/donnees/schema.json'],
      [pageRoute.loader, '/donnees'],
    ] as const) {
      expect(await statusOf(loader as never, fixture.services, requestWithCookie(path, null)), path).toBe(200);
    }
    const response = await call(jsonLoader, '/donnees/indicateurs.json?annee=2026');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600');
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(body.licence.name).toBe('Licence Ouverte / Open Licence version 2.0');
    expect(body.seuil_secret).toBe(OPEN_DATA_MIN_COUNT);
    expect(body.territoire).toEqual({ code: 'dep:30', nom: 'Département du Gard' });
  });

  it('publishes the dashboard’s values where the counts reach the threshold', () => {
    const published = body.donnees.filter((row) => !row.suppressed);
    expect(published.length).toBeGreaterThan(10);
    for (const row of published) {
      expect(row.valeur, `${String(row.mesure)} ${String(row.categorie)}`).toBe(reportValue(report, String(row.mesure), row.categorie as string | null));
    }
    expect(cellOf(body.donnees, 'plateforme-besoins').valeur).toBe(15);
    expect(cellOf(body.donnees, 'plateforme-besoins-par-type', 'Compétences').valeur).toBe(7);
    expect(cellOf(body.donnees, 'plateforme-mises-en-relation-proposees').valeur).toBe(10);
    expect(cellOf(body.donnees, 'plateforme-mises-en-relation-acceptees').valeur).toBe(9);
    expect(cellOf(body.donnees, 'stages-eleves-inscrits').valeur).toBe(5);
    // Zero designates nobody.
    expect(cellOf(body.donnees, 'lieux-occupations-en-cours')).toMatchObject({ valeur: 0, suppressed: false });
  });

  it('masks small counts and what is computed on them', () => {
    expect(figure(report.indicators, 'stages-eleves-accueillis', 'total')).toBe(1);
    expect(cellOf(body.donnees, 'stages-eleves-places')).toMatchObject({ valeur: null, suppressed: true });
    expect(figure(report.indicators, 'competences-agents', 'agents')).toBe(2);
    expect(cellOf(body.donnees, 'competences-agents')).toMatchObject({ valeur: null, suppressed: true });
    expect(cellOf(body.donnees, 'plateforme-mises-en-relation-refusees')).toMatchObject({ valeur: null, suppressed: true });
    // An average of one answer, hours of two placements, a share of one pupil, a difference of a masked count.
    expect(figure(report.indicators, 'competences-satisfaction', 'moyenne-agents')).toBe(5);
    expect(cellOf(body.donnees, 'competences-note-agents')).toMatchObject({ valeur: null, suppressed: true });
    expect(cellOf(body.donnees, 'competences-heures')).toMatchObject({ valeur: null, suppressed: true });
    expect(figure(report.indicators, 'stages-part-prioritaires', 'part')).toBe(100);
    expect(cellOf(body.donnees, 'stages-part-prioritaires')).toMatchObject({ valeur: null, suppressed: true });
    expect(figure(report.indicators, 'lieux-vacance', 'debut')).toBe(1);
    expect(cellOf(body.donnees, 'lieux-reduction-vacance')).toMatchObject({ valeur: null, suppressed: true });

    for (const row of body.donnees) {
      if (row.suppressed) expect(row.valeur, String(row.mesure)).toBeNull();
      const measure = MEASURES.find((candidate) => candidate.id === row.mesure);
      if (measure?.kind === 'effectif' && typeof row.valeur === 'number') expect(row.valeur === 0 || row.valeur >= OPEN_DATA_MIN_COUNT, String(row.mesure)).toBe(true);
    }
  });

  it('masks a second cell when a single one would be recovered from the published total', () => {
    // Needs by type: stages 2 (masked), places 6 (masked too: the smallest other), skills 7; total 15 published.
    expect(breakdownRows(report.indicators, 'plateforme-besoins-par-type')).toEqual([
      ['Compétences', 7],
      ['Lieux', 6],
      ['Stages de 3e', 2],
    ]);
    expect(rowsOf(body.donnees, 'plateforme-besoins-par-type').map((row) => [row.categorie, row.valeur, row.suppressed])).toEqual([
      ['Compétences', 7, false],
      ['Lieux', null, true],
      ['Stages de 3e', null, true],
    ]);
    // Matches proposed: places 2 and stages 1, both masked already: nothing more to mask.
    expect(rowsOf(body.donnees, 'plateforme-mises-en-relation-proposees-par-type').map((row) => [row.categorie, row.valeur])).toEqual([
      ['Compétences', 7],
      ['Lieux', null],
      ['Stages de 3e', null],
    ]);
    // No published total leaves exactly one masked part behind it.
    for (const group of ADDITIVE_GROUPS) {
      const total = cellOf(body.donnees, group.total);
      const parts = group.parts.flatMap((id) => rowsOf(body.donnees, id));
      if (!total.suppressed) expect(parts.filter((part) => part.suppressed).length, group.total).not.toBe(1);
    }
  });

  it('writes the same rows as CSV', async () => {
    const response = await call(csvLoader, '/donnees/indicateurs.csv?annee=2026');
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600');
    const [header, ...lines] = parseCsv(await response.text());
    expect(header).toEqual(Object.keys(body.donnees[0] ?? {}));
    expect(lines).toEqual(body.donnees.map((row) => Object.values(row).map((value) => (value === null ? '' : String(value)))));
  });

  it('filters by arrondissement or EPCI, with the same values as the dashboard', async () => {
    const nimes = await json('annee=2026&territoire=epci:243000643');
    expect(nimes.territoire).toEqual({ code: 'epci:243000643', nom: 'CA de Nîmes Métropole' });
    const filtered = await computeIndicators(fixture.services, { year: 2026, territory: { level: 'epci', code: '243000643' } });
    for (const row of nimes.donnees.filter((candidate) => !candidate.suppressed)) {
      expect(row.valeur, String(row.mesure)).toBe(reportValue(filtered, String(row.mesure), row.categorie as string | null));
    }
    expect(cellOf(nimes.donnees, 'plateforme-besoins').valeur).toBe(figure(filtered.indicators, 'plateforme-besoins', 'total'));
    expect((await json('territoire=arr:301')).territoire.nom).toBe('Arrondissement d’Alès');
  });

  it('refuses bad queries with a 400 in French, never a 500', async () => {
    const cases: [string, string][] = [
      ['annee=1999', 'L’année doit être comprise entre 2024 et 2026.'],
      ['annee=deux-mille', 'L’année doit s’écrire avec quatre chiffres'],
      ['territoire=commune:30189', 'les communes ne sont pas publiées'],
      ['territoire=epci:12', 'Le territoire doit s’écrire'],
      ['territoire=arr:309', 'L’arrondissement 309 n’existe pas dans le Gard.'],
    ];
    for (const [query, message] of cases) {
      const response = await call(jsonLoader, `/donnees/indicateurs.json?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(((await response.json()) as { erreur: string }).erreur).toContain(message);
      const csv = await call(csvLoader, `/donnees/indicateurs.csv?${query}`);
      expect(csv.status, query).toBe(400);
      expect(csv.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(await csv.text()).toContain(message);
      expect(await statusOf(pageRoute.loader, fixture.services, requestWithCookie(`/donnees?${query}`, null)), query).toBe(400);
    }
  });

  it('has a schema listing exactly the fields and the measures the endpoint returns', async () => {
    const schema = (await (await call(schemaLoader, '/donnees/schema.json')).json()) as {
      fields: { name: string; type: string; description: string }[];
      mesures: { name: string; unit: string; definition: string }[];
      licenses: { name: string }[];
    };
    expect(schema.fields.map((field) => field.name)).toEqual(Object.keys(body.donnees[0] ?? {}));
    for (const field of schema.fields) expect(field.description.length, field.name).toBeGreaterThan(10);
    expect(schema.mesures.map((measure) => measure.name)).toEqual([...new Set(body.donnees.map((row) => row.mesure))]);
    for (const measure of schema.mesures) {
      const units = new Set(rowsOf(body.donnees, measure.name).map((row) => row.unite));
      expect([...units], measure.name).toEqual([measure.unit]);
      expect(measure.definition.length, measure.name).toBeGreaterThan(20);
    }
    expect(schema.licenses[0]?.name).toBe('Licence Ouverte / Open Licence version 2.0');
  });
});

type RouteModule = { loader: unknown; default: ComponentType };

async function renderPage(path: string): Promise<string> {
  const module = pageRoute as unknown as RouteModule;
  const handler = createStaticHandler([{ id: 'page', path: '/donnees', loader: module.loader as never, Component: module.default }]);
  const context = await handler.query(requestWithCookie(path, null), { requestContext: { services: fixture.services, clientIp: '127.0.0.1' } });
  if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
  if (context.errors) throw new Error(`${path} failed: ${JSON.stringify(context.errors)}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}

describe('the public page /donnees', () => {
  it('shows the figures with their definitions, the rule, the downloads, the schema and the licence', async () => {
    const html = await renderPage('/donnees?annee=2026');
    expect(html).toContain('<h1>Données ouvertes</h1>');
    expect(html).toContain('Définition : </strong>Besoins des structures et des collèges publiés pendant la période');
    expect(html).toContain(`secret statistique (moins de ${OPEN_DATA_MIN_COUNT})`);
    expect(html).toContain('Secret statistique');
    expect(html).toContain('href="/donnees/indicateurs.csv?annee=2026"');
    expect(html).toContain('href="/donnees/indicateurs.json?annee=2026"');
    expect(html).toContain('href="/donnees/schema.json"');
    expect(html).toContain('Licence Ouverte / Open Licence version 2.0');
    expect(html).not.toContain('value="commune:');
    expect(html).toContain('value="arr:302"');
  });

  it('shows no personal data, nor any identifier, in the page, the JSON, the CSV or the schema', async () => {
    const documents = {
      page: await renderPage('/donnees?annee=2026'),
      pageNimes: await renderPage('/donnees?annee=2026&territoire=arr:302'),
      json: await (await call(jsonLoader, '/donnees/indicateurs.json?annee=2026')).text(),
      csv: await (await call(csvLoader, '/donnees/indicateurs.csv?annee=2026&territoire=epci:243000643')).text(),
      schema: await (await call(schemaLoader, '/donnees/schema.json')).text(),
    };
    expect(fixture.identifying.length).toBeGreaterThan(60);
    for (const [name, text] of Object.entries(documents)) {
      for (const value of fixture.identifying) expect(text.includes(value), `${name} contient ${value}`).toBe(false);
      // Not even the organisations: no host, no collège is named.
      for (const organisation of ['Jardins Partagés', 'Ressourcerie', 'Jean Moulin', 'Tenue de la comptabilité']) expect(text, name).not.toContain(organisation);
      expect(text, name).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
    }
  });
});
