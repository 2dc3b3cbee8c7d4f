import type { LoaderFunctionArgs } from '@remix-run/node';

/** For load balancers: the process answers and the database is reachable. */
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.services.prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'database unavailable' }, { status: 503 });
  }
}
