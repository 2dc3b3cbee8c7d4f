import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, kind, kindPhrases, oneLine, recipientName, webUrl } from './parts';

const props = z
  .object({
    recipientName: recipientName(),
    kind: kind(),
    needTitle: oneLine(300),
    offerTitle: oneLine(300),
    /** The convention page. */
    url: webUrl(),
    /** More than one for a group of pupils: one convention per pupil. */
    conventionCount: z.number().int().positive(),
  })
  .refine((email) => email.conventionCount === 1 || email.kind === 'STAGE', {
    path: ['conventionCount'],
    error: 'plusieurs conventions ne sont prévues que pour un groupe d’élèves (stage)',
  });

export type MatchAcceptedProps = z.output<typeof props>;

const subject = ({ kind }: MatchAcceptedProps) => `Mise en relation acceptée : ${kindPhrases[kind]}`;

export function MatchAcceptedEmail(email: MatchAcceptedProps) {
  const { recipientName, kind, needTitle, offerTitle, url, conventionCount } = email;
  const several = conventionCount > 1;
  return (
    <EmailLayout
      preview={`« ${needTitle} » et « ${offerTitle} » : les deux parties ont accepté, place à la convention.`}
      reason="Vous recevez ce message parce que vous suivez, sur Passerelles, le besoin ou l’offre concerné par cette mise en relation."
    >
      <Title>Mise en relation acceptée</Title>
      <Greeting name={recipientName} />
      <Text>Les deux parties ont accepté la mise en relation suivante :</Text>
      <Facts
        items={[
          ['Type', kindPhrases[kind]],
          ['Besoin', `« ${needTitle} »`],
          ['Offre', `« ${offerTitle} »`],
        ]}
      />
      <Text>
        {several
          ? `Prochaine étape : les conventions. ${conventionCount} conventions sont établies, une par élève.`
          : 'Prochaine étape : la convention.'}{' '}
        Chaque signataire recevra par e-mail un lien personnel pour signer en ligne.
      </Text>
      <Action href={url}>{several ? 'Voir les conventions' : 'Voir la convention'}</Action>
    </EmailLayout>
  );
}

export const matchAccepted = {
  props,
  subject,
  component: MatchAcceptedEmail,
} satisfies EmailTemplate<typeof props>;
