import type { LoaderFunctionArgs } from '@remix-run/node';
import { OPEN_DATA_HEADERS, openDataSchema } from '~/.server/open-data';

/** Public: the Table Schema of /donnees/indicateurs.csv and .json, generated from the fields the endpoints write. */
export function loader({ request }: LoaderFunctionArgs) {
  return Response.json(openDataSchema(new URL(request.url).origin), { headers: OPEN_DATA_HEADERS });
}
