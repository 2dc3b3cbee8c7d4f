import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewConventions, type PreviewFile } from '../../app/.server/conventions/preview';
import type { Database } from '../../app/.server/db/connection';
import { seedDemoData } from '../../prisma/seed/seed';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';

let db: Database;
let files: PreviewFile[];
const text = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase();
  const { services } = createTestServices(db);
  await seedDemoData(db, { today: new Date('2026-11-28T00:00:00Z') });
  files = await previewConventions(services);
  for (const file of files) text.set(file.kind, (await pdfText(file.pdf)).text.replace(/\s+/g, ' '));
});
afterAll(() => db.close());

const parties = async (kind: 'COMPETENCE' | 'LIEU' | 'STAGE') => {
  const convention = await db.prisma.convention.findUniqueOrThrow({
    where: { id: files.find((file) => file.kind === kind)?.conventionId ?? '' },
    include: { pupil: true, match: { include: { need: { include: { organisation: true, space: { include: { members: { include: { organisation: true } } } } } }, offer: { include: { organisation: true, skill: { include: { agent: true } } } } } } },
  });
  return convention;
};

describe('npm run conventions -- preview', () => {
  it('produces one PDF of each kind, with no blank left to complete', () => {
    expect(files.map((f) => f.kind)).toEqual(['COMPETENCE', 'LIEU', 'STAGE']);
    for (const value of text.values()) expect(value).not.toContain('[à compléter');
  });

  it('the skills placement names the Département, the host and the agent, and its required items', async () => {
    const c = await parties('COMPETENCE');
    const t = text.get('COMPETENCE') ?? '';
    expect(t).toContain('Département du Gard');
    expect(t).toContain(c.match.need.organisation.name);
    expect(t).toContain(`${c.match.offer.skill?.agent.firstName} ${c.match.offer.skill?.agent.lastName}`);
    for (const item of ['18 mois', 'L121-1', '2000-321', 'ARR-2026-0142', '27 décembre 2027', 'fonctionnaire']) expect(t).toContain(item);
  });

  it('the occupation names the occupant and every member of the grouping', async () => {
    const c = await parties('LIEU');
    const t = text.get('LIEU') ?? '';
    expect(t).toContain(c.match.need.organisation.name);
    for (const member of c.match.need.space?.members ?? []) expect(t).toContain(member.organisation.name);
    for (const item of ['précaire', 'révocable', 'état des lieux', 'L2122-1-1']) expect(t.toLowerCase()).toContain(item.toLowerCase());
  });

  it('the stage names the host, the collège and the pupil, and prints the working-time limits', async () => {
    const c = await parties('STAGE');
    const t = text.get('STAGE') ?? '';
    expect(t).toContain(c.match.offer.organisation?.name ?? '—');
    expect(t).toContain(c.match.need.organisation.name);
    expect(t).toContain(`${c.pupil?.firstName} ${c.pupil?.lastName}`);
    for (const item of ['L3162-1', 'L3164-2', 'D4153-15', 'violences sexistes et sexuelles']) expect(t).toContain(item);
  });
});
