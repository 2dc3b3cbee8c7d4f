import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, oneLine, plural, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  conventionTitle: oneLine(300),
  reference: oneLine(60),
  /** The personal survey link. */
  url: webUrl(),
  /** How long the answer stays editable (30 days). */
  editableDays: z.number().int().positive(),
});

export type SatisfactionSurveyProps = z.output<typeof props>;

const subject = ({ conventionTitle }: SatisfactionSurveyProps) => `Votre avis sur la convention « ${conventionTitle} »`;

export function SatisfactionSurveyEmail(email: SatisfactionSurveyProps) {
  const { recipientName, conventionTitle, reference, url, editableDays } = email;
  return (
    <EmailLayout
      preview="Une note de 1 à 5 et un commentaire : dites-nous comment cela s’est passé."
      reason="Vous recevez ce message parce que vous étiez partie ou signataire de cette convention, qui est arrivée à son terme."
    >
      <Title>Comment cela s’est-il passé ?</Title>
      <Greeting name={recipientName} />
      <Text>
        La convention « {conventionTitle} » est arrivée à son terme. Votre avis nous aide à améliorer Passerelles.
      </Text>
      <Facts items={[['Référence', reference]]} />
      <Text>Il vous suffit de donner une note de 1 à 5 et d’ajouter un commentaire.</Text>
      <Action href={url}>Donner mon avis</Action>
      <Text>
        Ce lien vous est personnel : ne le transférez pas. Vous pourrez modifier votre réponse pendant{' '}
        {plural(editableDays, 'jour')}.
      </Text>
      <Text>
        Les réponses sont exploitées de façon anonyme : elles alimentent les indicateurs du plan départemental ESS
        2024-2028 (action 4.4).
      </Text>
    </EmailLayout>
  );
}

export const satisfactionSurvey = {
  props,
  subject,
  component: SatisfactionSurveyEmail,
} satisfies EmailTemplate<typeof props>;
