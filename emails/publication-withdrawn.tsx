import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Greeting, Title, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  title: oneLine(300),
  reason: z.string().trim().min(1).max(1000),
  /** Where the author can see their publications. */
  url: webUrl(),
});

export type PublicationWithdrawnProps = z.output<typeof props>;

const subject = ({ title }: PublicationWithdrawnProps) => `Publication retirée : « ${title} »`;

export function PublicationWithdrawnEmail({ recipientName, title, reason, url }: PublicationWithdrawnProps) {
  return (
    <EmailLayout
      preview={`La Mission ESS a retiré « ${title} » du catalogue.`}
      reason="Vous recevez ce message parce que vous êtes l’auteur de cette publication sur Passerelles."
    >
      <Title>Votre publication a été retirée</Title>
      <Greeting name={recipientName} />
      <Text>La Mission ESS du Département a retiré « {title} » du catalogue de Passerelles. Motif :</Text>
      <Text style={{ borderLeft: '3px solid #ccc', paddingLeft: '12px' }}>{reason}</Text>
      <Text>Pour toute question, répondez à la Mission ESS ; vous pouvez publier à nouveau après correction.</Text>
      <Action href={url}>Voir mes publications</Action>
    </EmailLayout>
  );
}

export const publicationWithdrawn = {
  props,
  subject,
  component: PublicationWithdrawnEmail,
} satisfies EmailTemplate<typeof props>;
