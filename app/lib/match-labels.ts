export const matchStatusLabels = {
  SUGGESTED: 'Suggérée',
  ACCEPTED_BY_NEED: 'Proposée par le porteur du besoin, en attente de réponse',
  ACCEPTED_BY_OFFER: 'Proposée par le porteur de l’offre, en attente de réponse',
  ACCEPTED: 'Acceptée par les deux parties',
  DECLINED: 'Refusée',
  CANCELLED: 'Annulée',
} as const;
