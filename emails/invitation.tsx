import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Title, oneLine, webUrl } from './parts';

const props = z.object({
  inviterName: oneLine(200),
  organisationName: oneLine(200),
  /** The sign-in page: the invited person signs in with this address. */
  url: webUrl(),
});

export type InvitationProps = z.output<typeof props>;

const subject = ({ organisationName }: InvitationProps) => `Invitation à rejoindre ${organisationName} sur Passerelles`;

export function InvitationEmail({ inviterName, organisationName, url }: InvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} vous invite à rejoindre ${organisationName}.`}
      reason={`Vous recevez ce message parce que ${inviterName} a ajouté votre adresse à l’équipe de ${organisationName} sur Passerelles.`}
    >
      <Title>Vous êtes invité·e sur Passerelles</Title>
      <Text>Bonjour,</Text>
      <Text>
        {inviterName} vous a ajouté·e à l’équipe de {organisationName} sur Passerelles, la plateforme du Département du
        Gard qui met en relation les structures de l’économie sociale et solidaire avec des compétences, des lieux et des
        stages de 3e.
      </Text>
      <Text>Connectez-vous avec cette adresse e-mail : vous recevrez un lien de connexion, sans mot de passe.</Text>
      <Action href={url}>Me connecter</Action>
    </EmailLayout>
  );
}

export const invitation = {
  props,
  subject,
  component: InvitationEmail,
} satisfies EmailTemplate<typeof props>;
