import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, frenchDate, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  managerName: recipientName(),
  agentName: oneLine(200),
  offerTitle: oneLine(300),
  skills: z.array(oneLine(100)).min(1).max(20),
  hoursPerMonth: z.number().int().positive(),
  /** The personal approval link. */
  url: webUrl(),
  expiresOn: frenchDate(),
});

export type ManagerApprovalRequestProps = z.output<typeof props>;

const subject = ({ agentName }: ManagerApprovalRequestProps) => `Votre accord est demandé : mécénat de compétences de ${agentName}`;

export function ManagerApprovalRequestEmail(email: ManagerApprovalRequestProps) {
  const { managerName, agentName, offerTitle, skills, hoursPerMonth, url, expiresOn } = email;
  return (
    <EmailLayout
      preview={`${agentName} souhaite proposer ${hoursPerMonth} heures par mois à une structure de l’ESS.`}
      reason={`Vous recevez ce message parce que ${agentName} vous a désigné·e comme responsable hiérarchique sur Passerelles.`}
    >
      <Title>Votre accord est demandé</Title>
      <Greeting name={managerName} />
      <Text>
        {agentName} souhaite mettre ses compétences à disposition d’une structure de l’économie sociale et solidaire
        (plan départemental ESS, action 2.4). Sans votre accord, la proposition n’est pas publiée.
      </Text>
      <Facts
        items={[
          ['Proposition', offerTitle],
          ['Compétences', skills.join(', ')],
          ['Temps proposé', `${hoursPerMonth} heures par mois`],
        ]}
      />
      <Action href={url}>Donner ou refuser mon accord</Action>
      <Text>Ce lien vous est personnel, sert une seule fois et reste valable jusqu’au {expiresOn}. Un refus doit être motivé : le motif est transmis à l’agent.</Text>
    </EmailLayout>
  );
}

export const managerApprovalRequest = {
  props,
  subject,
  component: ManagerApprovalRequestEmail,
} satisfies EmailTemplate<typeof props>;
