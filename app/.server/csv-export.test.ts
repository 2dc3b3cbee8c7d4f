import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-export';
import { parseCsv } from './pupils/csv';

describe('toCsv', () => {
  it('writes semicolons, CRLF and a byte order mark, quoting what needs it', () => {
    expect(toCsv(['a', 'b'], [['x;y', 'dit "oui"'], [null, 3]])).toBe('\uFEFFa;b\r\n"x;y";"dit ""oui"""\r\n;3\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-2+3'], ['@SUM(1)']])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'-2+3\r\n\'@SUM(1)\r\n');
  });

  it('reads back with our own CSV reader', () => {
    const rows = parseCsv(toCsv(['nom', 'note'], [['Martin; Inès', 'ligne 1\nligne 2']]));
    expect(rows.map((row) => row.cells)).toEqual([
      ['nom', 'note'],
      ['Martin; Inès', 'ligne 1\nligne 2'],
    ]);
  });
});
