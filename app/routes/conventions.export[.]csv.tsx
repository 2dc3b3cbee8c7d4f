import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { conventionStatuses } from '../../matching/conventions/lifecycle';
import { requireUser } from '~/.server/auth/session';
import { exportConventions } from '~/.server/conventions/queries';
import { csvResponse } from '~/.server/csv-export';

const filtersSchema = z.object({ status: z.enum(conventionStatuses).optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const day = context.services.clock.now().toISOString().slice(0, 10);
  return csvResponse(`conventions-${day}.csv`, await exportConventions(context.services, user, filters));
}
