import { render, toPlainText } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import type { z } from 'zod';
import { AppError } from '../app/.server/errors';
import { conventionCancelled } from './convention-cancelled';
import { conventionReminder } from './convention-reminder';
import { conventionSigned } from './convention-signed';
import { conventionToSign } from './convention-to-sign';
import { eligibilityDecision } from './eligibility-decision';
import { invitation } from './invitation';
import { magicLink } from './magic-link';
import { managerApprovalRequest } from './manager-approval-request';
import { managerDecision } from './manager-decision';
import { publicationWithdrawn } from './publication-withdrawn';
import { matchAccepted } from './match-accepted';
import { matchCancelled } from './match-cancelled';
import { matchProposed } from './match-proposed';
import { occupationCallResult } from './occupation-call-result';
import { placementEnding } from './placement-ending';
import { satisfactionSurvey } from './satisfaction-survey';

/** One email: the zod schema of its props, its subject and its React Email component, all in French. */
export interface EmailTemplate<Props extends z.ZodType> {
  props: Props;
  subject(props: z.output<Props>): string;
  component(props: z.output<Props>): ReactElement;
}

/** Adding an email = writing its module in emails/ and adding one line here. */
export const templates = {
  'magic-link': magicLink,
  'match-proposed': matchProposed,
  'match-accepted': matchAccepted,
  'match-cancelled': matchCancelled,
  'convention-to-sign': conventionToSign,
  'convention-reminder': conventionReminder,
  'convention-signed': conventionSigned,
  'convention-cancelled': conventionCancelled,
  'placement-ending': placementEnding,
  'satisfaction-survey': satisfactionSurvey,
  'manager-approval-request': managerApprovalRequest,
  'manager-decision': managerDecision,
  'publication-withdrawn': publicationWithdrawn,
  'occupation-call-result': occupationCallResult,
  'eligibility-decision': eligibilityDecision,
  invitation,
} satisfies Record<string, EmailTemplate<z.ZodType<object>>>;

export type TemplateName = keyof typeof templates;
export type TemplateProps<Name extends TemplateName> = z.input<(typeof templates)[Name]['props']>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<Name extends TemplateName>(
  name: Name,
  props: TemplateProps<Name>,
): Promise<RenderedEmail> {
  const template: EmailTemplate<z.ZodType<object>> = templates[name];
  // Types do not check values (a URL, a positive number), and props may come from untyped code.
  const parsed = template.props.safeParse(props);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(props)'} : ${issue.message}`);
    throw new AppError('VALIDATION', `Données invalides pour l’e-mail « ${name} » : ${details.join(' ; ')}`, {
      cause: parsed.error,
    });
  }
  const html = await render(createElement(template.component, parsed.data));
  return { subject: template.subject(parsed.data), html, text: toPlainText(html) };
}
