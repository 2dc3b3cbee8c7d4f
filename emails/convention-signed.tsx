import { Link, Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  conventionTitle: oneLine(300),
  reference: oneLine(60),
  /** Download page of the final PDF; it asks the person to sign in. */
  url: webUrl(),
  /** Public page where anyone holding the document checks it with the code. */
  verifyUrl: webUrl(),
  verificationCode: oneLine(64),
});

export type ConventionSignedProps = z.output<typeof props>;

const subject = ({ conventionTitle, reference }: ConventionSignedProps) =>
  `Convention signée : ${conventionTitle} (réf. ${reference})`;

export function ConventionSignedEmail(email: ConventionSignedProps) {
  const { recipientName, conventionTitle, reference, url, verifyUrl, verificationCode } = email;
  return (
    <EmailLayout
      preview={`Toutes les parties ont signé la convention « ${conventionTitle} ».`}
      reason="Vous recevez ce message parce que vous êtes partie ou signataire de cette convention."
    >
      <Title>La convention est signée</Title>
      <Greeting name={recipientName} />
      <Text>Toutes les parties ont signé la convention « {conventionTitle} ».</Text>
      <Facts
        items={[
          ['Référence', reference],
          ['Code de vérification', verificationCode],
        ]}
      />
      <Text>Le document signé est disponible sur Passerelles. Il vous sera demandé de vous connecter.</Text>
      <Action href={url}>Télécharger la convention signée</Action>
      <Text>
        Pour vérifier l’authenticité du document, ouvrez la page{' '}
        <Link href={verifyUrl} style={{ wordBreak: 'break-all' }}>
          {verifyUrl}
        </Link>{' '}
        et saisissez le code de vérification {verificationCode}. Vous pouvez transmettre ce code à toute personne qui
        doit s’assurer que le document n’a pas été modifié.
      </Text>
    </EmailLayout>
  );
}

export const conventionSigned = {
  props,
  subject,
  component: ConventionSignedEmail,
} satisfies EmailTemplate<typeof props>;
