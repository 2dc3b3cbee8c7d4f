import { Link } from '@remix-run/react';

function pagesToShow(page: number, pageCount: number): number[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  return [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
}

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              Page précédente
            </Link>
          </li>
        ) : null}
        {pagesToShow(page, pageCount).map((p, index, shown) => (
          <li key={p}>
            {index > 0 && p - (shown[index - 1] ?? p) > 1 ? <span aria-hidden="true">… </span> : null}
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <Link to={hrefFor(p)} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              Page suivante
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
