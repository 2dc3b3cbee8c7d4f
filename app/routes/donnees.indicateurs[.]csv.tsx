import type { LoaderFunctionArgs } from '@remix-run/node';
import { isAppError } from '~/.server/errors';
import { OPEN_DATA_HEADERS, openDataCsv, openDataQueryString, publishOpenData } from '~/.server/open-data';

/** Public, no sign-in: the same rows as the JSON endpoint, as CSV (comma, decimal point, UTF-8); bad input is a 400 in French. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    const dataset = await publishOpenData(context.services, new URL(request.url).searchParams);
    const name = `passerelles-indicateurs-${openDataQueryString(dataset).replace(/[^A-Za-z0-9]+/g, '-')}.csv`;
    return new Response(openDataCsv(dataset), {
      headers: { ...OPEN_DATA_HEADERS, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION') {
      return new Response(`${error.message}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    throw error;
  }
}
