import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Greeting, Title, oneLine, recipientName, webUrl } from './parts';

const props = z
  .object({
    agentName: recipientName(),
    managerName: oneLine(200),
    offerTitle: oneLine(300),
    approved: z.boolean(),
    /** Required with a refusal. */
    reason: z.string().trim().min(1).max(1000).optional(),
    /** The agent's space. */
    url: webUrl(),
  })
  .refine((value) => value.approved || value.reason, { message: 'motif requis pour un refus', path: ['reason'] });

export type ManagerDecisionProps = z.output<typeof props>;

const subject = ({ approved, offerTitle }: ManagerDecisionProps) =>
  approved ? `Accord donné : « ${offerTitle} » est publiée` : `Accord refusé : « ${offerTitle} »`;

export function ManagerDecisionEmail(email: ManagerDecisionProps) {
  const { agentName, managerName, offerTitle, approved, reason, url } = email;
  return (
    <EmailLayout
      preview={approved ? `${managerName} a donné son accord.` : `${managerName} n’a pas donné son accord.`}
      reason="Vous recevez ce message parce que vous avez demandé l’accord de votre responsable hiérarchique sur Passerelles."
    >
      <Title>{approved ? 'Votre proposition est publiée' : 'Votre responsable n’a pas donné son accord'}</Title>
      <Greeting name={agentName} />
      {approved ? (
        <Text>
          {managerName} a donné son accord à votre proposition « {offerTitle} ». Elle est désormais visible des structures de
          l’ESS, qui peuvent vous proposer une mise en relation.
        </Text>
      ) : (
        <>
          <Text>
            {managerName} n’a pas donné son accord à votre proposition « {offerTitle} », qui n’est donc pas publiée. Motif :
          </Text>
          <Text style={{ borderLeft: '3px solid #ccc', paddingLeft: '12px' }}>{reason}</Text>
        </>
      )}
      <Action href={url}>Voir mes propositions</Action>
    </EmailLayout>
  );
}

export const managerDecision = {
  props,
  subject,
  component: ManagerDecisionEmail,
} satisfies EmailTemplate<typeof props>;
