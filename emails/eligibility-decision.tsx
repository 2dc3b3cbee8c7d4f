import { Text } from '@react-email/components';
import { z } from 'zod';
import { eligibilityLabel } from '../matching/conventions/skills-placement';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, oneLine, recipientName, webUrl } from './parts';

const props = z
  .object({
    recipientName: recipientName(),
    organisationName: oneLine(200),
    /** What the structure declared; "none" is never verified. */
    declared: z.enum(['INTERET_GENERAL', 'ARUP', 'FONDATION']),
    confirmed: z.boolean(),
    /** Required with a refusal. */
    reason: z.string().trim().min(1).max(1000).optional(),
    /** The structure's space. */
    url: webUrl(),
  })
  .refine((value) => value.confirmed || value.reason, { message: 'motif requis pour un refus', path: ['reason'] });

export type EligibilityDecisionProps = z.output<typeof props>;

const subject = ({ confirmed, organisationName }: EligibilityDecisionProps) =>
  confirmed ? `Éligibilité confirmée : ${organisationName} peut accueillir des agents du Département` : `Éligibilité non retenue : ${organisationName}`;

export function EligibilityDecisionEmail(email: EligibilityDecisionProps) {
  const { recipientName, organisationName, declared, confirmed, reason, url } = email;
  return (
    <EmailLayout
      preview={confirmed ? 'La Mission ESS a vérifié votre éligibilité au mécénat de compétences.' : 'La Mission ESS n’a pas retenu votre éligibilité au mécénat de compétences.'}
      reason={`Vous recevez ce message parce que vous êtes membre de l’équipe de ${organisationName} sur Passerelles.`}
    >
      <Title>{confirmed ? 'Votre éligibilité est confirmée' : 'Votre éligibilité n’est pas retenue'}</Title>
      <Greeting name={recipientName} />
      <Text>
        {confirmed
          ? `La Mission ESS du Département a vérifié l’éligibilité de ${organisationName} à la mise à disposition d’agents du Département (mécénat de compétences).`
          : `La Mission ESS du Département n’a pas retenu l’éligibilité déclarée par ${organisationName} à la mise à disposition d’agents du Département (mécénat de compétences).`}
      </Text>
      <Facts items={[['Éligibilité déclarée', eligibilityLabel(declared)]]} />
      {confirmed ? (
        <Text>
          Vos besoins de compétences peuvent désormais recevoir des propositions d’agents du Département ; publiez-en un
          depuis l’espace de la structure.
        </Text>
      ) : (
        <>
          <Text>Motif :</Text>
          <Text style={{ borderLeft: '3px solid #ccc', paddingLeft: '12px' }}>{reason}</Text>
          <Text>
            Votre structure reste inscrite sur Passerelles : elle peut toujours chercher un lieu ou accueillir des élèves
            de 3e, mais les compétences des agents ne lui seront pas proposées. Pour toute question, adressez-vous à la
            Mission ESS.
          </Text>
        </>
      )}
      <Action href={url}>Ouvrir l’espace de la structure</Action>
    </EmailLayout>
  );
}

export const eligibilityDecision = {
  props,
  subject,
  component: EligibilityDecisionEmail,
} satisfies EmailTemplate<typeof props>;
