import type { LoaderFunctionArgs } from '@remix-run/node';
import { isAppError } from '~/.server/errors';
import {
  OPEN_DATA_HEADERS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_MIN_COUNT,
  OPEN_DATA_SOURCE,
  SUPPRESSION_RULE,
  openDataQueryString,
  openDataRows,
  publishOpenData,
} from '~/.server/open-data';

/** Public, no sign-in: the aggregate figures of a year and a territory as JSON; bad input is a 400 in French. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  try {
    const dataset = await publishOpenData(context.services, url.searchParams);
    return Response.json(
      {
        titre: 'Indicateurs du plan ESS du Gard — données agrégées',
        annee: dataset.year,
        territoire: { code: dataset.territoryCode, nom: dataset.territoryName },
        date_situation: dataset.referenceDay,
        seuil_secret: OPEN_DATA_MIN_COUNT,
        regle_secret: SUPPRESSION_RULE,
        licence: OPEN_DATA_LICENCE,
        source: OPEN_DATA_SOURCE,
        schema: `${url.origin}/donnees/schema.json`,
        csv: `${url.origin}/donnees/indicateurs.csv?${openDataQueryString(dataset)}`,
        donnees: openDataRows(dataset),
      },
      { headers: OPEN_DATA_HEADERS },
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION') {
      return Response.json({ erreur: error.message }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
    }
    throw error;
  }
}
