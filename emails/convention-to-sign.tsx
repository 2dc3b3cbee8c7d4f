import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, frenchDate, oneLine, plural, webUrl } from './parts';

/** Props of a signature request; the reminder adds daysWaiting. */
export const signatureRequestProps = z.object({
  signatoryName: oneLine(200),
  /** « représentant·e légal·e de l’élève », « tuteur ou tutrice de stage »… */
  roleLabel: oneLine(200),
  conventionTitle: oneLine(300),
  reference: oneLine(60),
  version: z.number().int().positive(),
  /** The single-use signature link. */
  url: webUrl(),
  /** Last day the link works, e.g. « 1er décembre 2026 ». */
  expiresOn: frenchDate(),
  /** Set when a previous version was voided, as full sentences: « La convention a été modifiée après… ». */
  reason: z.string().trim().min(1).max(1000).optional(),
});

export type SignatureRequestProps = z.output<typeof signatureRequestProps>;

const subject = ({ conventionTitle, reference }: SignatureRequestProps) =>
  `Convention à signer : ${conventionTitle} (réf. ${reference})`;

/** The body of the first request and of the reminders: only the opening differs. */
export function SignatureRequest(email: SignatureRequestProps & { daysWaiting?: number }) {
  const { signatoryName, roleLabel, conventionTitle, reference, version, url, expiresOn, reason, daysWaiting } = email;
  const reminder = daysWaiting !== undefined;
  return (
    <EmailLayout
      preview={
        reminder
          ? `La convention « ${conventionTitle} » attend votre signature depuis ${plural(daysWaiting, 'jour')}.`
          : `Signez en ligne la convention « ${conventionTitle} » : lien valable jusqu’au ${expiresOn}.`
      }
      reason={
        reminder
          ? `Vous recevez ce rappel parce que vous êtes signataire de cette convention, en tant que ${roleLabel}, et ne l’avez pas encore signée.`
          : `Vous recevez ce message parce que vous êtes signataire de cette convention, en tant que ${roleLabel}.`
      }
    >
      <Title>{reminder ? 'Rappel : une convention attend votre signature' : 'Une convention attend votre signature'}</Title>
      <Greeting name={signatoryName} />
      {reason ? <Text style={{ fontWeight: 'bold' }}>{reason}</Text> : null}
      <Text>
        {reminder
          ? `La convention « ${conventionTitle} » attend votre signature depuis ${plural(daysWaiting, 'jour')}. Vous êtes appelé·e à la signer en tant que ${roleLabel}.`
          : `Vous êtes invité·e à signer la convention « ${conventionTitle} » en tant que ${roleLabel}.`}
      </Text>
      <Facts
        items={[
          ['Référence', reference],
          ['Version', String(version)],
        ]}
      />
      <Text>
        La signature se fait en ligne : après avoir relu la convention, vous saisissez votre nom complet et cochez la case
        de consentement. Il s’agit d’une signature électronique simple.
      </Text>
      <Action href={url}>Relire et signer la convention</Action>
      <Text>
        Ce lien vous est personnel : ne le transférez pas. Il ne sert qu’une seule fois et reste valable jusqu’au{' '}
        {expiresOn}. S’il a expiré, vous pourrez en demander un nouveau depuis la page qu’il ouvre.
      </Text>
    </EmailLayout>
  );
}

export function ConventionToSignEmail(email: SignatureRequestProps) {
  return <SignatureRequest {...email} />;
}

export const conventionToSign = {
  props: signatureRequestProps,
  subject,
  component: ConventionToSignEmail,
} satisfies EmailTemplate<typeof signatureRequestProps>;
