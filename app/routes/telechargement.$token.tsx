import type { LoaderFunctionArgs } from '@remix-run/node';
import { pdfForDownloadLink } from '~/.server/conventions/queries';
import { throwAsResponse } from '~/.server/http/route-errors';
import { pdfResponse } from '~/.server/http/pdf-response';

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return pdfResponse(await pdfForDownloadLink(context.services, params.token ?? ''));
  } catch (error) {
    throwAsResponse(error);
  }
}
