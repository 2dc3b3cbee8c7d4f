/** The plan's actions the indicators belong to, in the order the dashboard, the yearly report and the open data show them. */
export const INDICATOR_SECTIONS = [
  { action: '1.3', id: 'action-1-3', title: 'Action 1.3 — Ouvrir le patrimoine vacant du Département' },
  { action: '2.2', id: 'action-2-2', title: 'Action 2.2 — Stages de 3e dans les structures de l’ESS' },
  { action: '2.4', id: 'action-2-4', title: 'Action 2.4 — Mise à disposition des compétences des agents' },
  { action: 'plateforme', id: 'plateforme', title: 'La plateforme Passerelles' },
] as const;
