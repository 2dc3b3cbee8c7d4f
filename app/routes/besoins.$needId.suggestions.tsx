import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { suggestOffersForNeed } from '~/.server/matching/suggestions';
import { SuggestionList } from '~/components/suggestion-list';

export const meta: MetaFunction = () => [{ title: 'Offres suggérées — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await suggestOffersForNeed(context.services, user, params.needId ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function NeedSuggestions() {
  const { need, suggestions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{`Offres suggérées pour « ${need.title} »`}</h1>
      <p>
        Seules les offres qui respectent toutes les conditions du besoin sont proposées, de la plus pertinente à la
        moins pertinente. Chaque suggestion dit pourquoi elle est faite.
      </p>
      <SuggestionList
        items={suggestions.map((s) => ({ ...s, id: s.offerId, href: `/offres/${s.offerId}` }))}
        empty="Aucune offre publiée ne respecte aujourd’hui toutes les conditions de ce besoin."
      />
    </>
  );
}
