import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, kind, kindPhrases, oneLine, recipientName, webUrl } from './parts';
import { MISSION_ESS_CONTACT, TRANSPARENCY_PATH } from '../app/lib/transparency';

const props = z.object({
  recipientName: recipientName(),
  proposerOrganisation: oneLine(300),
  kind: kind(),
  needTitle: oneLine(300),
  offerTitle: oneLine(300),
  /** The reasons of the suggestion, in plain French (explainMatch). */
  explanation: z.array(oneLine(1000)).min(1).max(6),
  /** The page where the recipient accepts or declines. */
  url: webUrl(),
});

export type MatchProposedProps = z.output<typeof props>;

const subject = ({ proposerOrganisation }: MatchProposedProps) =>
  `${proposerOrganisation} vous propose une mise en relation`;

export function MatchProposedEmail(email: MatchProposedProps) {
  const { recipientName, proposerOrganisation, kind, needTitle, offerTitle, explanation, url } = email;
  return (
    <EmailLayout
      preview={`${proposerOrganisation} propose de rapprocher « ${needTitle} » et « ${offerTitle} ».`}
      reason="Vous recevez ce message parce que vous suivez, sur Passerelles, le besoin ou l’offre concerné par cette proposition."
    >
      <Title>Une mise en relation vous est proposée</Title>
      <Greeting name={recipientName} />
      <Text>{proposerOrganisation} propose une mise en relation sur Passerelles :</Text>
      <Facts
        items={[
          ['Type', kindPhrases[kind]],
          ['Besoin', `« ${needTitle} »`],
          ['Offre', `« ${offerTitle} »`],
        ]}
      />
      <Text>Pourquoi ce rapprochement :</Text>
      <ul style={{ paddingLeft: '20px' }}>
        {explanation.map((reason, index) => (
          <li key={index} style={{ margin: '4px 0' }}>
            {reason}
          </li>
        ))}
      </ul>
      <Text>Vous pouvez accepter ou refuser cette proposition depuis Passerelles.</Text>
      <Action href={url}>Accepter ou refuser</Action>
      <Text>
        Rien n’est engagé tant que les deux parties n’ont pas accepté. Une fois la proposition acceptée de part et
        d’autre, la convention est préparée sur Passerelles.
      </Text>
      <Text style={{ fontSize: '13px', color: '#555555' }}>
        {`Les raisons ci-dessus sont établies par un traitement algorithmique, qui suggère sans rien décider. Ses règles sont publiées sur ${new URL(TRANSPARENCY_PATH, url).href} ; vous pouvez demander celles qui ont été appliquées à votre situation à ${MISSION_ESS_CONTACT.email} (article L311-3-1 du code des relations entre le public et l’administration).`}
      </Text>
    </EmailLayout>
  );
}

export const matchProposed = {
  props,
  subject,
  component: MatchProposedEmail,
} satisfies EmailTemplate<typeof props>;
