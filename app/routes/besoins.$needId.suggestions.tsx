import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { proposeMatch } from '~/.server/matching/match-decisions';
import { suggestOffersForNeed } from '~/.server/matching/suggestions';
import { groupingOfNeed } from '~/.server/publishing/grouping';
import { AlgorithmNotice } from '~/components/algorithm-notice';
import { SuggestionList } from '~/components/suggestion-list';

export const meta: MetaFunction = () => [{ title: 'Offres suggérées — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const found = await suggestOffersForNeed(context.services, user, params.needId ?? '');
    return { ...found, grouping: found.need.kind === 'lieu' ? await groupingOfNeed(context.services, found.need.id) : null };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { matchId } = await proposeMatch(context.services, user, {
      needId: params.needId ?? '',
      offerId: String(form.get('offerId') ?? ''),
    });
    return redirect(`/mises-en-relation/${matchId}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function NeedSuggestions() {
  const { need, grouping, suggestions, mayPropose } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>{`Offres suggérées pour « ${need.title} »`}</h1>
      {grouping ? <p className="meta">{`Groupement mené par ${grouping.leader} (chef de file), avec : ${grouping.partners.join(', ')}.`}</p> : null}
      <p>
        Seules les offres qui respectent toutes les conditions du besoin sont proposées, de la plus pertinente à la
        moins pertinente. Chaque suggestion dit pourquoi elle est faite.
      </p>
      <AlgorithmNotice treatment="suggestion" />
      {failure ? (
        <p className="alert alert-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      <SuggestionList
        propose={mayPropose ? { field: 'offerId' } : undefined}
        items={suggestions.map((s) => ({ ...s, id: s.offerId, href: `/offres/${s.offerId}` }))}
        empty="Aucune offre publiée ne respecte aujourd’hui toutes les conditions de ce besoin."
      />
    </>
  );
}
