import { describe, expect, it } from 'vitest';
import { sampleCases } from './sample-cases';
import { parseTemplate, renderTemplate } from './template';

const cases = sampleCases();
const stageTemplate = (body: string) =>
  parseTemplate(`---\nid: essai\nkind: STAGE\nversion: 2026-11-29\ntitle: Essai\nlegalBasis: Essai\n---\n# Essai\n\n${body}\n`);

describe('sampleCases', () => {
  it('covers every template, each in its initial and amendment forms, under distinct names', () => {
    const groups = new Map<string, number>();
    for (const { view } of cases) {
      const group = view.kind === 'LIEU' && view.rooftop ? 'LIEU-toiture' : view.kind;
      groups.set(group, (groups.get(group) ?? 0) + 1);
    }
    expect([...groups.keys()].sort()).toEqual(['COMPETENCE', 'LIEU', 'LIEU-toiture', 'STAGE']);
    for (const kind of ['COMPETENCE', 'LIEU', 'STAGE'] as const) {
      const ofKind = cases.filter((sample) => sample.view.kind === kind);
      expect(ofKind.some((sample) => sample.view.isAmendment && sample.view.amendment)).toBe(true);
      expect(ofKind.some((sample) => !sample.view.isAmendment)).toBe(true);
    }
    expect(new Set(cases.map((sample) => `${sample.view.kind}:${sample.view.reference}:${sample.name}`)).size).toBe(cases.length);
  });

  it('has, for every variant, a copy without any optional detail', () => {
    const stripped = cases.filter((sample) => sample.name.endsWith('sans mentions facultatives'));
    expect(stripped.length * 2).toBe(cases.length);
    for (const { view } of stripped) expect(JSON.stringify(view)).not.toMatch(/"(siret|uai|legalFormLabel|email)"/);
  });

  it('reveals a variable used outside the section that guarantees it, which the main sample alone would not', () => {
    const stages = cases.filter((sample) => sample.view.kind === 'STAGE');
    const careless = stageTemplate('Organisme SIRET {{host.siret}}.');
    expect(() => renderTemplate(careless, stages[0]!.view)).not.toThrow();
    const failing = stages.filter((sample) => {
      try {
        renderTemplate(careless, sample.view);
        return false;
      } catch (error) {
        return (error as Error).message.includes('{{host.siret}} (ligne 10)');
      }
    });
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((sample) => sample.name.includes('sans mentions facultatives'))).toBe(true);

    const careful = stageTemplate('Organisme{{#host.siret}} SIRET {{host.siret}}{{/host.siret}}.');
    for (const sample of stages) expect(() => renderTemplate(careful, sample.view)).not.toThrow();
  });
});
