import { Form, Link } from '@remix-run/react';

export interface SuggestionItem {
  id: string;
  href?: string;
  title: string;
  communeName: string;
  score: number;
  reasons: string[];
}

/** Ranked suggestions, each with its reasons in plain French; the score is shown only beside them, never alone. */
export function SuggestionList({
  items,
  empty,
  propose,
}: {
  items: SuggestionItem[];
  empty: string;
  /** When the reader may propose a match: the hidden field naming the other side (offerId or needId). */
  propose?: { field: 'offerId' | 'needId' };
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className="suggestions">
      {items.map((item) => (
        <li key={item.id} className="card">
          <h2>{item.href ? <Link to={item.href}>{item.title}</Link> : item.title}</h2>
          <p className="meta">{`${item.communeName} · pertinence ${Math.round(item.score * 100)} %`}</p>
          <ul>
            {item.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {propose ? (
            <Form method="post">
              <input type="hidden" name="intent" value="propose" />
              <input type="hidden" name={propose.field} value={item.id} />
              <button type="submit" className="button-secondary">
                Proposer cette mise en relation<span className="visually-hidden">{` : ${item.title}`}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
