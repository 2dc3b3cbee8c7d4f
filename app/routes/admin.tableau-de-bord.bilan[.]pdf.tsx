import type { LoaderFunctionArgs } from '@remix-run/node';
import { assertAccess } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { pdfResponse } from '~/.server/http/pdf-response';
import { throwAsResponse } from '~/.server/http/route-errors';
import { annualReportPdf, computeIndicators, readIndicatorFilters, strictIndicatorFilters } from '~/.server/indicators';

/** The yearly report (« bilan annuel ») as PDF, with the dashboard's filters (`year`, `territory`, `kind`); Mission ESS only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
    const filters = strictIndicatorFilters(await readIndicatorFilters(context.services, new URL(request.url).searchParams));
    const report = await computeIndicators(context.services, filters);
    return pdfResponse(await annualReportPdf(report, context.services.clock.now()));
  } catch (error) {
    throwAsResponse(error);
  }
}
