/** The demo accounts offered on the demo sign-in page, drawn from the fictional people of the demo. */
import { Role } from '../../app/.server/db/generated/client';
import { AGENTS } from './demo-agents';
import {
  ADMIN,
  ARNAL_EMAIL,
  COLLEGES,
  DEMO_ADMIN_EMAIL,
  DEMO_PROPERTY_MAILBOX,
  SERVICES,
  STRUCTURES,
  collegeEmail,
  councilEmail,
  managerEmail,
  structureEmail,
  type DemoPerson,
} from './demo-people';

export interface DemoAccount {
  email: string;
  /** Shown on the demo sign-in page. */
  label: string;
}

const person = ({ firstName, lastName }: DemoPerson) => `${firstName} ${lastName}`;

function agentAccount(lastName: string, detail: string): DemoAccount {
  const agent = AGENTS.find((candidate) => candidate.lastName === lastName);
  if (!agent) throw new Error(`Agent de démonstration inconnu : ${lastName}`);
  return { email: councilEmail(agent), label: `${person(agent)} — ${detail}` };
}

function managerAccount(serviceKey: string, detail: string): DemoAccount {
  const service = SERVICES.find((candidate) => candidate.key === serviceKey);
  if (!service) throw new Error(`Service de démonstration inconnu : ${serviceKey}`);
  return { email: managerEmail(service), label: `${person(service.manager)} — ${detail}` };
}

function structureAccount(slug: string, detail: string): DemoAccount {
  const structure = STRUCTURES.find((candidate) => candidate.slug === slug);
  if (!structure) throw new Error(`Structure de démonstration inconnue : ${slug}`);
  return { email: structureEmail(slug), label: `${person(structure.contact)} — ${structure.name} (${detail})` };
}

function collegeAccount(slug: string): DemoAccount {
  const college = COLLEGES.find((candidate) => candidate.slug === slug);
  if (!college) throw new Error(`Collège de démonstration inconnu : ${slug}`);
  return { email: collegeEmail(slug), label: `${person(college.principal)} — principal·e du ${college.name}` };
}

/** A few accounts per role for the demo sign-in page. */
export const DEMO_ACCOUNTS: Record<Role, DemoAccount[]> = {
  [Role.MISSION_ESS_ADMIN]: [{ email: DEMO_ADMIN_EMAIL, label: `${person(ADMIN)} — Mission ESS (administration)` }],
  [Role.COUNCIL_AGENT]: [
    agentAccount('Chabert', 'comptable, offre de compétences publiée'),
    agentAccount('Soulier', 'développeur web contractuel'),
    agentAccount('Ferrand', "offre en attente de l'accord du responsable"),
  ],
  [Role.LINE_MANAGER]: [
    managerAccount('numerique', 'directeur du numérique, valide les offres de son équipe'),
    managerAccount('rh', 'responsable hiérarchique et aussi agente volontaire'),
  ],
  [Role.STRUCTURE_MEMBER]: [
    structureAccount('jardins-placette', 'association éligible, vérifiée'),
    structureAccount('cevennes-recyclerie', 'SCIC non éligible, chef de file d’un groupement'),
    structureAccount('velo-gardon', 'association éligible, à vérifier'),
  ],
  [Role.COLLEGE_STAFF]: [collegeAccount('college-garrigues'), collegeAccount('college-mont-aigoual')],
  [Role.PROPERTY_MANAGER]: [
    { email: DEMO_PROPERTY_MAILBOX, label: "Service du patrimoine — boîte de la Direction de l'immobilier" },
    { email: ARNAL_EMAIL, label: 'Sylvie Arnal — gestionnaire immobilière' },
  ],
};
