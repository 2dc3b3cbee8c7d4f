import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { exportConventions, parseConventionFilters } from '~/.server/conventions/queries';
import { csvResponse } from '~/.server/csv-export';
import { throwAsResponse } from '~/.server/http/route-errors';
import { strictFilters } from '~/.server/list-filters';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const filters = strictFilters(await parseConventionFilters(context.services, new URL(request.url).searchParams));
    const day = context.services.clock.now().toISOString().slice(0, 10);
    return csvResponse(`conventions-${day}.csv`, await exportConventions(context.services, user, filters));
  } catch (error) {
    throwAsResponse(error);
  }
}
