import type { ConventionDocument } from '../../../matching/conventions/document';
import { renderTemplate, TemplateError } from '../../../matching/conventions/template';
import { AppError } from '../errors';
import type { ConventionTerms } from '../../../matching/conventions/terms';
import { renderConventionPdf } from '../pdf/convention-pdf';
import type { Services } from '../services';
import { experimentEnd } from './drafting';
import type { ConventionRecord } from './records';
import { plannedSignatories, signatoryRoleLabels } from './signatories';
import { templateById } from './template-files';
import { conventionView } from './views';

type Source = Pick<
  ConventionRecord,
  'match' | 'pupil' | 'amends' | 'amendmentNumber' | 'amendmentSummary' | 'reference' | 'verificationCode' | 'templateId'
>;

/** The document as printed: template in force filled with the view, plus one signature block per signatory. */
async function buildConventionDocument(
  services: Services,
  convention: Source,
  terms: ConventionTerms,
  options: { version: number; draft: boolean },
): Promise<ConventionDocument & { templateSha256: string }> {
  const template = await templateById(services.prisma, convention.templateId);
  const view = conventionView(convention, terms, {
    reference: convention.reference,
    version: options.version,
    generatedOn: services.clock.now(),
    experimentEnd: experimentEnd(services),
    placeholders: options.draft,
  });
  let rendered;
  try {
    rendered = renderTemplate(template, view);
  } catch (error) {
    // A missing value the form cannot supply (e.g. the line manager's approval date): say which, never a 500.
    if (error instanceof TemplateError) throw new AppError('VALIDATION', `La convention ne peut pas être produite : ${error.message}`, { cause: error });
    throw error;
  }
  return {
    title: rendered.title,
    subtitle: rendered.subtitle,
    reference: convention.reference,
    verificationCode: convention.verificationCode,
    version: options.version,
    templateId: template.meta.id,
    templateVersion: template.meta.version,
    templateSha256: template.sourceSha256,
    blocks: rendered.blocks,
    signatures: plannedSignatories(convention, terms).map((signatory) => ({
      roleLabel: signatoryRoleLabels[signatory.role],
      name: signatory.name || '[à compléter]',
      capacity: signatory.capacity ?? undefined,
    })),
    draft: options.draft,
  };
}

export async function renderConvention(services: Services, convention: Source, terms: ConventionTerms, options: { version: number; draft: boolean }) {
  const document = await buildConventionDocument(services, convention, terms, options);
  return { document, pdf: await renderConventionPdf(document) };
}
