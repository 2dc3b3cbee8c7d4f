import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { pdfResponse } from '~/.server/http/pdf-response';
import { throwAsResponse } from '~/.server/http/route-errors';
import { individualReport } from '~/.server/transparency/individual-report';
import { individualReportPdf } from '~/.server/transparency/report-pdf';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return pdfResponse(await individualReportPdf(await individualReport(context.services, user, params.kind ?? '', params.id ?? '')));
  } catch (error) {
    throwAsResponse(error);
  }
}
