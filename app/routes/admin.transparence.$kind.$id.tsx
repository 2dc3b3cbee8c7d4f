import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { individualReport } from '~/.server/transparency/individual-report';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction = () => [{ title: 'Rapport de transparence algorithmique — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { report: await individualReport(context.services, user, params.kind ?? '', params.id ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function IndividualReportPage() {
  const { report } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin/transparence">Rapports de transparence algorithmique</Link> · <Link to="/transparence">Règles publiées</Link>
      </p>
      <h1>{`Rapport de transparence algorithmique — ${report.title}`}</h1>
      <p className="meta">
        {`Établi le ${report.generatedAt}, pour répondre à la personne concernée (article R311-3-1-2 du code des relations entre le public et l’administration). `}
        <a href={`/admin/transparence/${report.kind}/${encodeURIComponent(report.id)}/pdf`} download>
          Télécharger (PDF)
        </a>
      </p>
      <dl className="facts">
        {report.subject.map((fact) => (
          <Fragment key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </Fragment>
        ))}
      </dl>
      {report.sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`item-${index + 1}`} className="stack">
          <h2 id={`item-${index + 1}`}>{`${index + 1}° ${section.heading}`}</h2>
          {section.blocks.map((block, b) =>
            block.type === 'text' ? (
              block.paragraphs.map((paragraph) => <p key={paragraph}>{paragraph}</p>)
            ) : (
              <TableScroll key={b} label={block.caption}>
                <table>
                  <caption>{block.caption}</caption>
                  <thead>
                    <tr>
                      {block.head.map((cell) => (
                        <th key={cell} scope="col">
                          {cell}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ),
          )}
        </section>
      ))}
      <section aria-labelledby="recours" className="stack">
        <h2 id="recours">Rappel des voies de recours</h2>
        {report.closing.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
    </div>
  );
}
