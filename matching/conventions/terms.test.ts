import { describe, expect, it } from 'vitest';
import { conventionTermsSchema, missingForSignature } from './terms';

describe('convention terms', () => {
  it('refuses days that do not exist and malformed times, emails and amounts, naming the field', () => {
    const result = conventionTermsSchema.safeParse({
      kind: 'COMPETENCE',
      start: '2027-02-30',
      representativeEmail: 'pas-une-adresse',
      subsidyAmount: '12,345',
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(fields).toEqual({
      start: 'Date invalide (AAAA-MM-JJ).',
      representativeEmail: 'Adresse e-mail invalide.',
      subsidyAmount: 'Montant invalide (par exemple 1200 ou 1200,50).',
    });
    const stage = conventionTermsSchema.safeParse({ kind: 'STAGE', days: [{ date: '2027-03-01', morning: { start: '9h', end: '12:00' } }] });
    expect(stage.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['days.0.morning.start']);
  });

  it('lists, in French, what a skills placement still needs before signature, depending on free or paid', () => {
    const draft = conventionTermsSchema.parse({ kind: 'COMPETENCE', start: '2027-01-04', end: '2027-06-30' });
    expect(missingForSignature(draft)).toContain('montant de la subvention en nature');
    expect(missingForSignature(draft)).not.toContain('montant du remboursement');
    const paid = conventionTermsSchema.parse({ kind: 'COMPETENCE', free: false });
    expect(missingForSignature(paid)).toContain('montant du remboursement');
    expect(missingForSignature(paid)).not.toContain('montant de la subvention en nature');
  });

  it('asks for a later end date, the call for occupation when the use is economic, and a rooftop duration', () => {
    const occupation = conventionTermsSchema.parse({ kind: 'LIEU', start: '2027-05-01', end: '2027-04-01', economicUse: true });
    const missing = missingForSignature(occupation, { rooftop: true });
    expect(missing).toEqual(expect.arrayContaining(['une date de fin postérieure à la date de début', 'référence de l’appel à occupation', 'durée de l’occupation de la toiture']));
  });

  it('wants both or neither of the second legal representative’s name and email', () => {
    const stage = conventionTermsSchema.parse({ kind: 'STAGE', legalRep2Name: 'Karim Martin' });
    expect(missingForSignature(stage).join(' ')).toContain('second·e représentant·e légal·e');
    expect(missingForSignature(stage)).toContain('emploi du temps');
  });
});
