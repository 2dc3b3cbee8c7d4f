import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action } from './parts';

const props = z.object({
  // Only web links: the URL ends up in an href.
  url: z.url({ protocol: /^https?$/ }),
  expiresInMinutes: z.number().int().positive(),
});

export type MagicLinkProps = z.output<typeof props>;

const subject = 'Votre lien de connexion à Passerelles';

const minutes = (count: number) => `${count} minute${count > 1 ? 's' : ''}`;

export function MagicLinkEmail({ url, expiresInMinutes }: MagicLinkProps) {
  return (
    <EmailLayout
      preview={`Connectez-vous à Passerelles : lien valable ${minutes(expiresInMinutes)}.`}
      reason="Vous recevez ce message parce qu’une connexion à Passerelles a été demandée avec votre adresse e-mail."
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {subject}
      </Heading>
      <Text>Bonjour,</Text>
      <Text>Pour vous connecter à Passerelles, utilisez le bouton ci-dessous.</Text>
      <Action href={url}>Me connecter à Passerelles</Action>
      <Text>
        Ce lien est valable {minutes(expiresInMinutes)} et ne peut servir qu’une seule fois.
      </Text>
      <Text>
        Si vous n’avez rien demandé, ignorez ce message : sans ce lien, personne ne peut se connecter à votre place.
      </Text>
    </EmailLayout>
  );
}

export const magicLink = {
  props,
  subject: () => subject,
  component: MagicLinkEmail,
} satisfies EmailTemplate<typeof props>;
