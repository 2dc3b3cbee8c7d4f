import type { ConventionTerms } from '../../../matching/conventions/terms';
import type { Services } from '../services';
import { renderConvention } from './build-document';
import { draftConventions } from './drafting';
import { parseTerms } from './issue';
import { conventionInclude, matchPartiesInclude } from './records';

/** Example values for what the parties would type, so the legal service reads every clause filled in. */
function completeForPreview(terms: ConventionTerms, today: string): ConventionTerms {
  const or = (value: string, example: string) => value || example;
  switch (terms.kind) {
    case 'COMPETENCE':
      return { ...terms, arreteReference: or(terms.arreteReference, 'ARR-2026-0142 (exemple)'), arreteDate: or(terms.arreteDate, today), subsidyAmount: or(terms.subsidyAmount, '1450') };
    case 'LIEU':
      return {
        ...terms,
        economicUse: true,
        callReference: or(terms.callReference, 'AOT-2026-07 (exemple)'),
        callPublishedOn: or(terms.callPublishedOn, today),
        callDeadline: or(terms.callDeadline, today),
        representativeName: or(terms.representativeName, 'Représentant·e (exemple)'),
        representativeCapacity: or(terms.representativeCapacity, 'Président·e'),
        representativeEmail: or(terms.representativeEmail, 'contact@example.org'),
      };
    case 'STAGE':
      return {
        ...terms,
        referentTeacherName: or(terms.referentTeacherName, 'Professeur·e référent·e (exemple)'),
        referentTeacherEmail: or(terms.referentTeacherEmail, 'professeur@example.org'),
        legalRep1Name: or(terms.legalRep1Name, 'Représentant·e légal·e (exemple)'),
        tutorRole: or(terms.tutorRole, 'Tuteur·rice (exemple)'),
      };
  }
}

export interface PreviewFile {
  kind: 'COMPETENCE' | 'LIEU' | 'STAGE';
  fileName: string;
  pdf: Uint8Array;
  /** The draft it was drawn from (the demo also holds past conventions of every kind). */
  conventionId: string;
}

/**
 * One sample PDF of each kind, drafted from demo data through the same path as real conventions. Writes matches
 * and drafts: run it on a throwaway database.
 */
export async function previewConventions(services: Services): Promise<PreviewFile[]> {
  const db = services.prisma;
  const admin = await db.user.findFirstOrThrow({ where: { roles: { some: { role: 'MISSION_ESS_ADMIN' } } } });
  const today = services.clock.now().toISOString().slice(0, 10);
  const skillOffer = await db.offer.findFirstOrThrow({
    where: { kind: 'COMPETENCE', status: 'PUBLISHED', skill: { managerApproval: 'APPROVED', agent: { agentProfile: { status: 'FONCTIONNAIRE', lineManagerId: { not: null } } } } },
    orderBy: { createdAt: 'asc' },
  });
  const skillNeed = await db.need.findFirstOrThrow({
    where: { kind: 'COMPETENCE', organisation: { skillsEligibility: { not: 'NONE' }, eligibilityVerifiedAt: { not: null } } },
    orderBy: { createdAt: 'asc' },
  });
  const spaceOffer = await db.offer.findFirstOrThrow({ where: { kind: 'LIEU', property: { propertyType: 'BUILDING' } }, orderBy: { createdAt: 'asc' } });
  const spaceNeed =
    (await db.need.findFirst({ where: { kind: 'LIEU', space: { members: { some: {} } } }, orderBy: { createdAt: 'asc' } })) ??
    (await db.need.findFirstOrThrow({ where: { kind: 'LIEU' }, orderBy: { createdAt: 'asc' } }));
  const internshipOffer = await db.offer.findFirstOrThrow({ where: { kind: 'STAGE', status: 'PUBLISHED' }, orderBy: { createdAt: 'asc' } });
  const internshipNeed = await db.need.findFirstOrThrow({ where: { kind: 'STAGE' }, orderBy: { createdAt: 'asc' } });
  const pupil = await db.pupil.findFirstOrThrow({ where: { collegeId: internshipNeed.organisationId } });

  const pairs = [
    { kind: 'COMPETENCE' as const, need: skillNeed, offer: skillOffer, fileName: 'convention-mise-a-disposition-competences.pdf' },
    { kind: 'LIEU' as const, need: spaceNeed, offer: spaceOffer, fileName: 'convention-occupation-temporaire.pdf' },
    { kind: 'STAGE' as const, need: internshipNeed, offer: internshipOffer, fileName: 'convention-stage-observation-3e.pdf' },
  ];
  const files: PreviewFile[] = [];
  for (const pair of pairs) {
    const match = await db.match.upsert({
      where: { needId_offerId: { needId: pair.need.id, offerId: pair.offer.id } },
      create: { kind: pair.kind, needId: pair.need.id, offerId: pair.offer.id, score: 1, explanation: ['Aperçu pour relecture juridique'], status: 'ACCEPTED' },
      update: {},
      include: matchPartiesInclude,
    });
    const [id] = await db.$transaction((tx) => draftConventions(tx, services, match, { actorId: admin.id, pupils: pair.kind === 'STAGE' ? [pupil] : [] }));
    const convention = await db.convention.findUniqueOrThrow({ where: { id: id ?? '' }, include: conventionInclude });
    const terms = completeForPreview(parseTerms(convention.kind, convention.terms), today);
    const { pdf } = await renderConvention(services, convention, terms, { version: 1, draft: true });
    files.push({ kind: pair.kind, fileName: pair.fileName, pdf, conventionId: convention.id });
  }
  return files;
}

