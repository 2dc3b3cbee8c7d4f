export const KINDS = ['COMPETENCE', 'LIEU', 'STAGE'] as const;
export type Kind = (typeof KINDS)[number];

export const kindLabels: Record<Kind, { singular: string; plural: string; slug: string; action: string }> = {
  COMPETENCE: { singular: 'Compétence', plural: 'Compétences', slug: 'competence', action: 'action 2.4' },
  LIEU: { singular: 'Lieu', plural: 'Lieux', slug: 'lieu', action: 'action 1.3' },
  STAGE: { singular: 'Stage de 3e', plural: 'Stages de 3e', slug: 'stage', action: 'action 2.2' },
};

export const propertyTypeLabels = { BUILDING: 'Bâtiment', LAND: 'Terrain', ROOFTOP: 'Toiture (solaire)' } as const;

export const roleLabels = {
  STRUCTURE_MEMBER: 'Membre d’une structure de l’ESS',
  COUNCIL_AGENT: 'Agent du Département',
  LINE_MANAGER: 'Responsable hiérarchique',
  COLLEGE_STAFF: 'Équipe d’un collège',
  PROPERTY_MANAGER: 'Gestionnaire de patrimoine',
  MISSION_ESS_ADMIN: 'Mission ESS (administration)',
} as const;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? pluralForm : singular}`;
}

export const statusLabels = {
  DRAFT: 'Brouillon',
  PENDING_APPROVAL: 'En attente de validation',
  PUBLISHED: 'Publiée',
  ARCHIVED: 'Archivée',
} as const;
