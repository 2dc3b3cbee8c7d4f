import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../app/.server/indicators';
import { loader as reportLoader } from '../../app/routes/admin.tableau-de-bord.bilan[.]pdf';
import { createOpenDataFixture, type OpenDataFixture } from '../support/open-data-fixture';
import { pdfText } from '../support/pdf-text';
import { statusOf } from '../support/route-calls';
import { requestWithCookie } from '../support/test-services';

let fixture: OpenDataFixture;
beforeAll(async () => {
  fixture = await createOpenDataFixture();
});
afterAll(() => fixture.db.close());

const download = async (query: string) =>
  (await reportLoader({ request: requestWithCookie(`/admin/tableau-de-bord/bilan.pdf?${query}`, fixture.cookies.admin), context: { services: fixture.services, clientIp: '127.0.0.1' }, params: {} })) as Response;

/** Text as read, with line breaks, no-break spaces and hyphenation breaks folded into plain spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('the yearly report (bilan annuel) as PDF', () => {
  it('is for the Mission ESS only', async () => {
    const expected = { admin: 200, member: 403, staff: 403 } as const;
    for (const [who, status] of Object.entries(expected)) {
      const request = requestWithCookie('/admin/tableau-de-bord/bilan.pdf?year=2026', fixture.cookies[who as keyof typeof expected]);
      expect(await statusOf(reportLoader, fixture.services, request), who).toBe(status);
    }
    expect(await statusOf(reportLoader, fixture.services, requestWithCookie('/admin/tableau-de-bord/bilan.pdf', null))).toBe(302);
  });

  it('renders every indicator with its value and definition, the year, the territory and page numbers', async () => {
    const response = await download('year=2026');
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="bilan-annuel-2026.pdf"');
    const pdf = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const text = flat(pdf.text);
    expect(flat(pdf.pages[0] ?? '')).toContain('Bilan annuel 2026 du plan ESS du Gard');
    expect(flat(pdf.pages[0] ?? '')).toContain('Tout le Gard');
    const report = await computeIndicators(fixture.services, { year: 2026 });
    for (const indicator of report.indicators) {
      expect(text, indicator.id).toContain(flat(indicator.label));
      expect(text, indicator.id).toContain(flat(indicator.definition).slice(0, 40));
    }
    for (const title of ['Action 1.3', 'Action 2.2', 'Action 2.4', 'La plateforme Passerelles']) expect(text).toContain(title);
    // Needs by type drawn as bars, each value written beside its bar.
    expect(text).toContain('Besoins publiés par type (graphique)');
    expect(text).toMatch(/Compétences 7 Lieux 6 Stages de 3e 2/);
    expect(text).toContain(`page 1 / ${pdf.pageCount}`);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(5);
  });

  it('honours the dashboard’s filters and refuses bad ones', async () => {
    const response = await download('year=2026&territory=arrondissement:303&kind=STAGE');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="bilan-annuel-2026-arrondissement-303-stage.pdf"');
    const text = flat((await pdfText(new Uint8Array(await response.arrayBuffer()))).text);
    expect(text).toContain('Arrondissement du Vigan');
    expect(text).toContain('Action 2.2');
    expect(text).not.toContain('Action 1.3');
    for (const query of ['year=2019', 'territory=epci:123', 'kind=AUTRE']) {
      const request = requestWithCookie(`/admin/tableau-de-bord/bilan.pdf?${query}`, fixture.cookies.admin);
      expect(await statusOf(reportLoader, fixture.services, request), query).toBe(400);
    }
  });
});
