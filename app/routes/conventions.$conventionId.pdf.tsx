import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { conventionPdf } from '~/.server/conventions/queries';
import { throwAsResponse } from '~/.server/http/route-errors';
import { pdfResponse } from '~/.server/http/pdf-response';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return pdfResponse(await conventionPdf(context.services, user, params.conventionId ?? ''));
  } catch (error) {
    throwAsResponse(error);
  }
}
