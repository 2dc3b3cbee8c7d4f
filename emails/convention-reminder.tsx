import { z } from 'zod';
import { SignatureRequest, signatureRequestProps } from './convention-to-sign';
import type { EmailTemplate } from './index';
import { plural } from './parts';

const props = signatureRequestProps.extend({
  /** Days since the request was sent (reminders go out after 3 and 7 days). */
  daysWaiting: z.number().int().positive(),
});

export type ConventionReminderProps = z.output<typeof props>;

const subject = ({ conventionTitle, daysWaiting }: ConventionReminderProps) =>
  `Rappel : la convention « ${conventionTitle} » attend votre signature depuis ${plural(daysWaiting, 'jour')}`;

export function ConventionReminderEmail(email: ConventionReminderProps) {
  return <SignatureRequest {...email} />;
}

export const conventionReminder = {
  props,
  subject,
  component: ConventionReminderEmail,
} satisfies EmailTemplate<typeof props>;
