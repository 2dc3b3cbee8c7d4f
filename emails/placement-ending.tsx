import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, frenchDate, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  conventionTitle: oneLine(300),
  reference: oneLine(60),
  /** Last day of the placement, e.g. « 1er décembre 2026 ». */
  endsOn: frenchDate(),
  /** The convention page. */
  url: webUrl(),
});

export type PlacementEndingProps = z.output<typeof props>;

const subject = ({ conventionTitle, endsOn }: PlacementEndingProps) =>
  `Fin prochaine : ${conventionTitle} se termine le ${endsOn}`;

export function PlacementEndingEmail(email: PlacementEndingProps) {
  const { recipientName, conventionTitle, reference, endsOn, url } = email;
  return (
    <EmailLayout
      preview={`La convention « ${conventionTitle} » prend fin le ${endsOn}.`}
      reason="Vous recevez ce message parce que vous êtes partie ou signataire de cette convention, qui arrive bientôt à son terme."
    >
      <Title>Une convention arrive à son terme</Title>
      <Greeting name={recipientName} />
      <Text>
        La convention « {conventionTitle} » prend fin le {endsOn}.
      </Text>
      <Facts
        items={[
          ['Référence', reference],
          ['Date de fin', endsOn],
        ]}
      />
      <Text>
        Vous retrouvez sur Passerelles la convention et tout ce qui la concerne. Après cette date, un court questionnaire
        vous sera envoyé pour recueillir votre avis.
      </Text>
      <Action href={url}>Voir la convention</Action>
    </EmailLayout>
  );
}

export const placementEnding = {
  props,
  subject,
  component: PlacementEndingEmail,
} satisfies EmailTemplate<typeof props>;
