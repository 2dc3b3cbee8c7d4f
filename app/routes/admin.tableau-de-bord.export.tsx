import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { assertAccess } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { csvResponse } from '~/.server/csv-export';
import { AppError } from '~/.server/errors';
import { throwAsResponse } from '~/.server/http/route-errors';
import {
  computeIndicators,
  indicatorTables,
  readIndicatorFilters,
  strictIndicatorFilters,
  tableCsv,
  tableXlsx,
  xlsxResponse,
} from '~/.server/indicators';

const format = z.enum(['csv', 'xlsx'], { error: 'Le format doit être « csv » ou « xlsx ».' });

/** One table of the dashboard (`table=<id>`, or `records` for the anonymised conventions) as CSV or XLSX, with the page's filters. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
    const params = new URL(request.url).searchParams;
    const chosen = format.safeParse(params.get('format'));
    if (!chosen.success) throw new AppError('VALIDATION', chosen.error.issues[0]?.message ?? 'Format inconnu.');
    const filters = strictIndicatorFilters(await readIndicatorFilters(context.services, params));
    const report = await computeIndicators(context.services, filters);
    const id = params.get('table') ?? '';
    const table = id === 'records' ? report.records : indicatorTables(report).find((candidate) => candidate.id === id);
    if (!table) throw new AppError('VALIDATION', `Export impossible : le tableau « ${id.slice(0, 60)} » n’existe pas pour ces critères.`);
    const now = context.services.clock.now();
    const name = ['passerelles', table.id, String(filters.year), filters.territory ? `${filters.territory.level}-${filters.territory.code}` : null, filters.kind?.toLowerCase()]
      .filter(Boolean)
      .join('-');
    return chosen.data === 'csv' ? csvResponse(`${name}.csv`, tableCsv(table)) : xlsxResponse(`${name}.xlsx`, await tableXlsx(table, report, now));
  } catch (error) {
    throwAsResponse(error);
  }
}
