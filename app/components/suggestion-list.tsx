import { Link } from '@remix-run/react';

export interface SuggestionItem {
  id: string;
  href?: string;
  title: string;
  communeName: string;
  score: number;
  reasons: string[];
}

/** Ranked suggestions, each with its reasons in plain French; the score is shown only beside them, never alone. */
export function SuggestionList({ items, empty }: { items: SuggestionItem[]; empty: string }) {
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
        </li>
      ))}
    </ol>
  );
}
