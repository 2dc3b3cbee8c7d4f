export const outboxStatusLabels = { PENDING: 'À envoyer', SENT: 'Envoyé', FAILED: 'Échec définitif' } as const;
