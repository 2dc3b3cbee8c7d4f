import type { ActionFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { previewTemplatePdf } from '~/.server/contents/published-contents';
import { isAppError } from '~/.server/errors';
import { throwAsResponse } from '~/.server/http/route-errors';
import { pdfResponse } from '~/.server/http/pdf-response';

/**
 * The template being edited, filled with its main sample case, as a draft PDF (the « Aperçu PDF » button of the
 * editor posts the text area here). A text that cannot be filled gets the list of its problems, as plain text.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    return pdfResponse(await previewTemplatePdf(context.services, user, params.kind ?? '', params.key ?? '', { body: form.get('body') }), 'inline');
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION') {
      const problems = Object.values(error.fieldErrors).flat();
      return new Response([error.message, '', ...problems.map((problem) => `- ${problem}`)].join('\n'), {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
      });
    }
    throwAsResponse(error);
  }
}
