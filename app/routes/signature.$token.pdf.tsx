import type { LoaderFunctionArgs } from '@remix-run/node';
import { documentForLink } from '~/.server/conventions/signing';
import { throwAsResponse } from '~/.server/http/route-errors';
import { pdfResponse } from '~/.server/http/pdf-response';

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return pdfResponse(await documentForLink(context.services, params.token ?? ''), 'inline');
  } catch (error) {
    throwAsResponse(error);
  }
}
