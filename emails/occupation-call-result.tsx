import { Text } from '@react-email/components';
import { z } from 'zod';
import type { EmailTemplate } from './index';
import { EmailLayout } from './layout';
import { Action, Facts, Greeting, Title, frenchDate, oneLine, recipientName, webUrl } from './parts';

const props = z.object({
  recipientName: recipientName(),
  /** Whether the elected officials chose this person's application. */
  chosen: z.boolean(),
  propertyTitle: oneLine(300),
  /** The structure's space need, as it applied. */
  applicationTitle: oneLine(300),
  /** Deciding body, e.g. « Commission permanente du Conseil départemental ». */
  decidingBody: oneLine(200),
  decidedOn: frenchDate(),
  /** Number of the deliberation. */
  reference: oneLine(100),
  /** The application's match page. */
  url: webUrl(),
});

export type OccupationCallResultProps = z.output<typeof props>;

const subject = ({ chosen, propertyTitle }: OccupationCallResultProps) =>
  chosen ? `Appel à occupation : votre candidature est retenue pour « ${propertyTitle} »` : `Appel à occupation : « ${propertyTitle} », candidature non retenue`;

export function OccupationCallResultEmail(email: OccupationCallResultProps) {
  const { recipientName, chosen, propertyTitle, applicationTitle, decidingBody, decidedOn, reference, url } = email;
  return (
    <EmailLayout
      preview={chosen ? `Les élus ont retenu votre candidature pour « ${propertyTitle} ».` : `Les élus ont retenu une autre candidature pour « ${propertyTitle} ».`}
      reason="Vous recevez ce message parce que votre structure a candidaté, sur Passerelles, à cet appel à occupation d’un bien du Département."
    >
      <Title>{chosen ? 'Votre candidature est retenue' : 'Votre candidature n’est pas retenue'}</Title>
      <Greeting name={recipientName} />
      <Text>
        {chosen
          ? `Les élus du Département ont retenu votre candidature « ${applicationTitle} » à l’appel à occupation du bien « ${propertyTitle} ».`
          : `Votre candidature « ${applicationTitle} » à l’appel à occupation du bien « ${propertyTitle} » n’a pas été retenue : les élus du Département ont choisi une autre candidature. Merci de l’intérêt que vous avez porté à ce bien.`}
      </Text>
      <Facts
        items={[
          ['Décision', decidingBody],
          ['Date', decidedOn],
          ['Délibération', `n° ${reference}`],
        ]}
      />
      <Text>
        {chosen
          ? 'Prochaine étape : le service gestionnaire du bien accepte votre candidature, ce qui prépare la convention d’occupation. Vous la compléterez puis la signerez en ligne, chaque signataire recevant un lien personnel par e-mail.'
          : 'D’autres biens du Département sont régulièrement proposés : votre besoin reste publié, et les biens qui lui correspondent apparaissent dans vos suggestions sur Passerelles.'}
      </Text>
      <Action href={url}>{chosen ? 'Suivre ma candidature' : 'Voir ma candidature'}</Action>
    </EmailLayout>
  );
}

export const occupationCallResult = {
  props,
  subject,
  component: OccupationCallResultEmail,
} satisfies EmailTemplate<typeof props>;
