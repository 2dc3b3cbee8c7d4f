import { Text } from '@react-email/components';
import { Fragment } from 'react';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, kind, kindPhrases, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  kind: kind(),
  needTitle: oneLine(300),
  offerTitle: oneLine(300),
  /** The reason typed by the Mission ESS; line breaks are kept. */
  reason: z.string().trim().min(1).max(1000),
  /** References of the conventions not yet signed that the cancellation also cancelled. */
  cancelledConventions: z.array(oneLine(60)).max(200),
  /** The match page, where the history stays readable. */
  url: webUrl(),
});

export type MatchCancelledProps = z.output<typeof props>;

const subject = ({ needTitle }: MatchCancelledProps) => `Mise en relation annulée : « ${needTitle} »`;

export function MatchCancelledEmail(email: MatchCancelledProps) {
  const { recipientName, kind, needTitle, offerTitle, reason, cancelledConventions, url } = email;
  const lines = reason.split(/\s*\n\s*/).filter(Boolean);
  return (
    <EmailLayout
      preview={`La Mission ESS a annulé la mise en relation entre « ${needTitle} » et « ${offerTitle} ».`}
      reason="Vous recevez ce message parce que vous suivez, sur Passerelles, le besoin ou l’offre concerné par cette mise en relation."
    >
      <Title>Mise en relation annulée</Title>
      <Greeting name={recipientName} />
      <Text>La Mission ESS du Département a annulé la mise en relation suivante :</Text>
      <Facts
        items={[
          ['Type', kindPhrases[kind]],
          ['Besoin', `« ${needTitle} »`],
          ['Offre', `« ${offerTitle} »`],
        ]}
      />
      <Text>Motif indiqué :</Text>
      <Text style={{ borderLeft: '4px solid #d9e2ec', paddingLeft: '12px', fontStyle: 'italic' }}>
        {lines.map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      {cancelledConventions.length > 0 ? (
        <Text>
          {cancelledConventions.length > 1
            ? `Les conventions qui n’étaient pas encore signées sont annulées aussi (réf. ${cancelledConventions.join(', ')}) ; leurs liens de signature ne fonctionnent plus.`
            : `La convention qui n’était pas encore signée est annulée aussi (réf. ${cancelledConventions[0]}) ; ses liens de signature ne fonctionnent plus.`}
        </Text>
      ) : null}
      <Action href={url}>Voir la mise en relation</Action>
      <Text>Pour toute question sur cette annulation, adressez-vous à la Mission ESS du Département.</Text>
    </EmailLayout>
  );
}

export const matchCancelled = {
  props,
  subject,
  component: MatchCancelledEmail,
} satisfies EmailTemplate<typeof props>;
