import type { Services } from '../../app/.server/services';

type LoaderLike = (args: { request: Request; context: { services: Services; clientIp: string }; params: Record<string, string> }) => unknown;

/** The HTTP status a loader or action ends with: 200 when it returns, else the thrown response's status. */
export async function statusOf(
  handler: LoaderLike,
  services: Services,
  request: Request,
  params: Record<string, string> = {},
): Promise<number> {
  try {
    await handler({ request, context: { services, clientIp: '127.0.0.1' }, params });
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const init = (thrown as { init?: { status?: number } | null }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}
