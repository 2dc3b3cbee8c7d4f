/**
 * The convention lifecycle as data: statuses, the events that move between them and who may trigger each.
 * The application checks every change against this table; the table is what the Mission ESS reads and amends.
 */

export const conventionStatuses = [
  'DRAFT',
  'READY_TO_SIGN',
  'PARTIALLY_SIGNED',
  'SIGNED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
] as const;

export type ConventionStatus = (typeof conventionStatuses)[number];

/** PARTY: a member of an organisation that is a party, or the placed agent. SIGNATORY: through a personal link. */
export type ConventionActor = 'MISSION_ESS' | 'PARTY' | 'SIGNATORY' | 'SYSTEM';

export type ConventionEvent =
  | 'edit'
  | 'send_for_signature'
  | 'sign'
  | 'sign_last'
  | 'reject'
  | 'cancel'
  | 'start'
  | 'complete'
  | 'amend';

export interface Transition {
  event: ConventionEvent;
  from: readonly ConventionStatus[];
  /** null: the status does not change (an edit of a draft, an amendment drafted beside a signed convention). */
  to: ConventionStatus | null;
  by: readonly ConventionActor[];
  /** Whether a written reason is required (it is sent to the parties). */
  reasonRequired: boolean;
  label: string;
}

export const transitions: readonly Transition[] = [
  { event: 'edit', from: ['DRAFT'], to: null, by: ['PARTY', 'MISSION_ESS'], reasonRequired: false, label: 'Compléter le projet' },
  {
    event: 'edit',
    from: ['READY_TO_SIGN', 'PARTIALLY_SIGNED'],
    to: 'READY_TO_SIGN',
    by: ['PARTY', 'MISSION_ESS'],
    reasonRequired: true,
    label: 'Modifier (nouvelle version, signatures annulées)',
  },
  {
    event: 'send_for_signature',
    from: ['DRAFT'],
    to: 'READY_TO_SIGN',
    by: ['PARTY', 'MISSION_ESS'],
    reasonRequired: false,
    label: 'Envoyer pour signature',
  },
  { event: 'sign', from: ['READY_TO_SIGN', 'PARTIALLY_SIGNED'], to: 'PARTIALLY_SIGNED', by: ['SIGNATORY', 'PARTY', 'MISSION_ESS'], reasonRequired: false, label: 'Signer' },
  { event: 'sign_last', from: ['READY_TO_SIGN', 'PARTIALLY_SIGNED'], to: 'SIGNED', by: ['SIGNATORY', 'PARTY', 'MISSION_ESS'], reasonRequired: false, label: 'Dernière signature' },
  { event: 'reject', from: ['READY_TO_SIGN', 'PARTIALLY_SIGNED'], to: 'REJECTED', by: ['SIGNATORY', 'MISSION_ESS'], reasonRequired: true, label: 'Refuser de signer' },
  {
    event: 'cancel',
    from: ['DRAFT', 'READY_TO_SIGN', 'PARTIALLY_SIGNED', 'SIGNED', 'IN_PROGRESS'],
    to: 'CANCELLED',
    by: ['PARTY', 'MISSION_ESS'],
    reasonRequired: true,
    label: 'Annuler',
  },
  { event: 'start', from: ['SIGNED'], to: 'IN_PROGRESS', by: ['SYSTEM'], reasonRequired: false, label: 'Début d’exécution' },
  { event: 'complete', from: ['IN_PROGRESS'], to: 'COMPLETED', by: ['SYSTEM', 'MISSION_ESS'], reasonRequired: false, label: 'Terminer' },
  { event: 'amend', from: ['SIGNED', 'IN_PROGRESS'], to: null, by: ['PARTY', 'MISSION_ESS'], reasonRequired: true, label: 'Rédiger un avenant' },
];

export const statusLabels: Record<ConventionStatus, string> = {
  DRAFT: 'Projet',
  READY_TO_SIGN: 'Prête à signer',
  PARTIALLY_SIGNED: 'Signée en partie',
  SIGNED: 'Signée',
  IN_PROGRESS: 'En cours',
  COMPLETED: 'Terminée',
  CANCELLED: 'Annulée',
  REJECTED: 'Refusée',
};

/** Statuses after which the signed content may only change through an amendment. */
export const signedStatuses: readonly ConventionStatus[] = ['SIGNED', 'IN_PROGRESS', 'COMPLETED'];

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; reason: string };

/** Whether `actor` may apply `event` to a convention in `status`; the refusal is a French sentence for the user. */
export function checkTransition(
  status: ConventionStatus,
  event: ConventionEvent,
  actor: ConventionActor,
  reason?: string,
): TransitionCheck {
  const candidates = transitions.filter((t) => t.event === event && t.from.includes(status));
  if (candidates.length === 0) {
    return { ok: false, reason: `Impossible sur une convention « ${statusLabels[status]} ».` };
  }
  const allowed = candidates.find((t) => t.by.includes(actor));
  if (!allowed) return { ok: false, reason: 'Vous n’avez pas le droit de faire cette action sur cette convention.' };
  if (allowed.reasonRequired && !reason?.trim()) {
    return { ok: false, reason: 'Indiquez le motif : il est communiqué aux parties.' };
  }
  return { ok: true, transition: allowed };
}

/** Events an actor can trigger now, for the page to offer only what will work. */
export function availableEvents(status: ConventionStatus, actor: ConventionActor): ConventionEvent[] {
  return [...new Set(transitions.filter((t) => t.from.includes(status) && t.by.includes(actor)).map((t) => t.event))];
}

/**
 * Signing is in any order unless the template says "ordered": then everyone printed before a signatory must have
 * signed first. Returns the positions still awaited before `position` may sign.
 */
export function awaitedBefore(order: 'free' | 'ordered', position: number, signatories: { position: number; signed: boolean }[]): number[] {
  if (order === 'free') return [];
  return signatories.filter((s) => s.position < position && !s.signed).map((s) => s.position);
}
