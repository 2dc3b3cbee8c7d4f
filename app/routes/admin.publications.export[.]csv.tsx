import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportPublications, parsePublicationFilters } from '~/.server/admin/moderation';
import { requireUser } from '~/.server/auth/session';
import { csvResponse } from '~/.server/csv-export';
import { throwAsResponse } from '~/.server/http/route-errors';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const filters = parsePublicationFilters(new URL(request.url).searchParams);
  try {
    const day = context.services.clock.now().toISOString().slice(0, 10);
    return csvResponse(`publications-${filters.type}s-${day}.csv`, await exportPublications(context.services, user, filters));
  } catch (error) {
    throwAsResponse(error);
  }
}
