import { Text } from '@react-email/components';
import { Fragment } from 'react';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Facts, Greeting, Title, oneLine, recipientName } from './parts';

const props = z.object({
  recipientName: recipientName(),
  conventionTitle: oneLine(300),
  reference: oneLine(60),
  /** The reason typed by whoever cancelled; line breaks are kept. */
  reason: z.string().trim().min(1).max(2000),
  /** Who cancelled, as a role label: « la Mission ESS », « le collège »… */
  cancelledBy: oneLine(200),
});

export type ConventionCancelledProps = z.output<typeof props>;

const subject = ({ conventionTitle, reference }: ConventionCancelledProps) =>
  `Convention annulée : ${conventionTitle} (réf. ${reference})`;

export function ConventionCancelledEmail(email: ConventionCancelledProps) {
  const { recipientName, conventionTitle, reference, reason, cancelledBy } = email;
  const lines = reason.split(/\s*\n\s*/).filter(Boolean);
  return (
    <EmailLayout
      preview={`La convention « ${conventionTitle} » a été annulée par ${cancelledBy}.`}
      reason="Vous recevez ce message parce que vous étiez partie ou signataire de cette convention."
    >
      <Title>Convention annulée</Title>
      <Greeting name={recipientName} />
      <Text>
        La convention « {conventionTitle} » a été annulée par {cancelledBy}.
      </Text>
      <Facts items={[['Référence', reference]]} />
      <Text>Motif indiqué :</Text>
      <Text style={{ borderLeft: '4px solid #d9e2ec', paddingLeft: '12px', fontStyle: 'italic' }}>
        {lines.map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Text>
        Aucune action n’est attendue de votre part. Pour toute question sur cette annulation, adressez-vous à{' '}
        {cancelledBy}.
      </Text>
    </EmailLayout>
  );
}

export const conventionCancelled = {
  props,
  subject,
  component: ConventionCancelledEmail,
} satisfies EmailTemplate<typeof props>;
