import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { proposeMatch } from '~/.server/matching/match-decisions';
import { suggestNeedsForOffer } from '~/.server/matching/suggestions';
import { AlgorithmNotice } from '~/components/algorithm-notice';
import { SuggestionList } from '~/components/suggestion-list';

export const meta: MetaFunction = () => [{ title: 'Besoins suggérés — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await suggestNeedsForOffer(context.services, user, params.offerId ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { matchId } = await proposeMatch(context.services, user, {
      offerId: params.offerId ?? '',
      needId: String(form.get('needId') ?? ''),
    });
    return redirect(`/mises-en-relation/${matchId}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function OfferSuggestions() {
  const { offer, suggestions, grouping, mayPropose } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>{`Besoins auxquels « ${offer.title} » peut répondre`}</h1>
      <p>
        Seuls les besoins dont toutes les conditions sont respectées sont proposés, du plus pertinent au moins
        pertinent, avec les raisons de chaque suggestion.
      </p>
      <AlgorithmNotice treatment="suggestion" />
      {grouping ? (
        <section className="alert" aria-labelledby="regroupement">
          <h2 id="regroupement">Regroupement possible</h2>
          <ul>
            {grouping.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {failure ? (
        <p className="alert alert-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      <SuggestionList
        propose={mayPropose ? { field: 'needId' } : undefined}
        items={suggestions.map((s) => ({ ...s, id: s.needId }))}
        empty="Aucun besoin publié ne correspond aujourd’hui à cette offre."
      />
    </>
  );
}
