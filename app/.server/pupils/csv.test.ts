import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads semicolon files from French spreadsheets, with a byte order mark and CRLF', () => {
    expect(parseCsv('\uFEFFnom;prénom\r\nMartin;Inès\r\n')).toEqual([
      { line: 1, cells: ['nom', 'prénom'] },
      { line: 2, cells: ['Martin', 'Inès'] },
    ]);
  });

  it('reads commas, quoted fields with delimiters, doubled quotes and line breaks, keeping line numbers', () => {
    const rows = parseCsv('a,b\n"Dupont, Jr",x\n"il dit ""bonjour""","deux\nlignes"\nfin,z');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['Dupont, Jr', 'x'] },
      { line: 3, cells: ['il dit "bonjour"', 'deux\nlignes'] },
      { line: 5, cells: ['fin', 'z'] },
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(parseCsv('a;b\n\n;\nc;d\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a;b\n"oups;c\n')).toThrow(new CsvSyntaxError('Ligne 2 : un guillemet ouvert n’est jamais fermé.'));
  });
});
