import { Link } from '@remix-run/react';
import { formatDate, kindLabels, statusLabels, type Kind } from '~/lib/labels';
import { TableScroll } from './table-scroll';

export interface ItemRow {
  id: string;
  kind: Kind;
  title: string;
  status: keyof typeof statusLabels;
  createdAt: string | Date;
  href?: string;
}

export function ItemTable({ caption, rows, empty }: { caption: string; rows: ItemRow[]; empty: string }) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Intitulé</th>
            <th scope="col">Type</th>
            <th scope="col">État</th>
            <th scope="col">Créé le</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.href ? <Link to={row.href}>{row.title}</Link> : row.title}</td>
              <td>{kindLabels[row.kind].singular}</td>
              <td>{statusLabels[row.status]}</td>
              <td>{formatDate(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
