import type { ConventionTerms } from '../../../matching/conventions/terms';
import type { SignatoryRole } from '../db/generated/enums';
import type { ConventionRecord } from './records';

export const signatoryRoleLabels: Record<SignatoryRole, string> = {
  DEPARTEMENT: 'Pour le Département du Gard',
  HOST: 'Pour l’organisme d’accueil',
  AGENT: 'L’agent mis à disposition',
  OCCUPANT: 'Pour l’occupant',
  COLLEGE: 'Pour le collège',
  PUPIL: 'L’élève',
  LEGAL_REPRESENTATIVE: 'Le ou la représentant·e légal·e de l’élève',
  TUTOR: 'Le tuteur ou la tutrice',
  REFERENT_TEACHER: 'Le professeur ou la professeure référent·e',
};

/** In emails: the pupil's link goes to the legal representative, who must understand why they get two. */
export function emailRoleLabel(role: SignatoryRole): string {
  return role === 'PUPIL'
    ? 'l’élève (ce second lien vous est adressé en tant que représentant·e légal·e : c’est l’élève qui signe, avec vous)'
    : signatoryRoleLabels[role];
}

export interface SignatoryPlan {
  role: SignatoryRole;
  name: string;
  email: string;
  capacity: string | null;
  organisationId: string | null;
  userId: string | null;
  position: number;
}

type Party = Pick<ConventionRecord, 'match' | 'pupil'>;

const personName = (user: { firstName: string | null; lastName: string | null; email: string }) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;

/** Who signs, in the order printed; derived from the match and the completed terms, never typed twice. */
export function plannedSignatories(convention: Party, terms: ConventionTerms): SignatoryPlan[] {
  const { need, offer } = convention.match;
  const list: Omit<SignatoryPlan, 'position'>[] = [];
  const userIdByEmail = (email: string) =>
    [...(need.organisation.roles ?? []), ...(offer.organisation?.roles ?? [])].find((grant) => grant.user.email === email)?.user.id ?? null;
  if (terms.kind === 'COMPETENCE') {
    const agent = offer.skill?.agent;
    list.push(
      { role: 'DEPARTEMENT', name: terms.departementName, email: terms.departementEmail, capacity: terms.departementCapacity, organisationId: null, userId: null },
      { role: 'HOST', name: terms.representativeName, email: terms.representativeEmail, capacity: `${terms.representativeCapacity}, ${need.organisation.name}`, organisationId: need.organisationId, userId: userIdByEmail(terms.representativeEmail) },
    );
    if (agent) {
      list.push({
        role: 'AGENT',
        name: personName(agent),
        email: agent.email,
        capacity: agent.agentProfile?.jobTitle ?? null,
        organisationId: agent.agentProfile?.serviceId ?? null,
        userId: agent.id,
      });
    }
  } else if (terms.kind === 'LIEU') {
    list.push(
      { role: 'DEPARTEMENT', name: terms.departementName, email: terms.departementEmail, capacity: terms.departementCapacity, organisationId: offer.organisationId, userId: terms.departementEmail === offer.owner.email ? offer.ownerId : null },
      {
        role: 'OCCUPANT',
        name: terms.representativeName,
        email: terms.representativeEmail,
        capacity: `${terms.representativeCapacity}, ${need.organisation.name}${need.space?.members.length ? ', chef de file du groupement' : ''}`,
        organisationId: need.organisationId,
        userId: userIdByEmail(terms.representativeEmail),
      },
    );
  } else {
    const pupil = convention.pupil;
    list.push(
      { role: 'HOST', name: terms.representativeName, email: terms.representativeEmail, capacity: `${terms.representativeCapacity}, ${offer.organisation?.name ?? ''}`, organisationId: offer.organisationId, userId: userIdByEmail(terms.representativeEmail) },
      { role: 'COLLEGE', name: terms.collegeHeadName, email: terms.collegeHeadEmail, capacity: `${terms.collegeHeadCapacity}, ${need.organisation.name}`, organisationId: need.organisationId, userId: userIdByEmail(terms.collegeHeadEmail) },
    );
    if (pupil) {
      // A minor has no account and often no address of their own: the link goes to the legal representative.
      list.push({ role: 'PUPIL', name: `${pupil.firstName} ${pupil.lastName}`, email: terms.legalRep1Email, capacity: `Élève de ${pupil.className}`, organisationId: null, userId: null });
    }
    list.push({ role: 'LEGAL_REPRESENTATIVE', name: terms.legalRep1Name, email: terms.legalRep1Email, capacity: null, organisationId: null, userId: null });
    if (terms.legalRep2Name && terms.legalRep2Email) {
      list.push({ role: 'LEGAL_REPRESENTATIVE', name: terms.legalRep2Name, email: terms.legalRep2Email, capacity: null, organisationId: null, userId: null });
    }
    list.push(
      { role: 'TUTOR', name: terms.tutorName, email: terms.tutorEmail, capacity: terms.tutorRole, organisationId: offer.organisationId, userId: userIdByEmail(terms.tutorEmail) },
      { role: 'REFERENT_TEACHER', name: terms.referentTeacherName, email: terms.referentTeacherEmail, capacity: `Professeur·e référent·e, ${need.organisation.name}`, organisationId: need.organisationId, userId: userIdByEmail(terms.referentTeacherEmail) },
    );
  }
  return list.map((signatory, position) => ({ ...signatory, position }));
}
