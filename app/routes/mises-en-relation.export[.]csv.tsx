import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { csvResponse } from '~/.server/csv-export';
import { throwAsResponse } from '~/.server/http/route-errors';
import { strictFilters } from '~/.server/list-filters';
import { exportMatches, parseMatchFilters } from '~/.server/matching/match-list';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const filters = strictFilters(await parseMatchFilters(context.services, new URL(request.url).searchParams));
    const day = context.services.clock.now().toISOString().slice(0, 10);
    return csvResponse(`mises-en-relation-${day}.csv`, await exportMatches(context.services, user, filters));
  } catch (error) {
    throwAsResponse(error);
  }
}
