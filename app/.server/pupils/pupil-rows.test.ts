import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { parseBirthDate, readPupilRows } from './pupil-rows';

const TODAY = new Date('2026-11-28T00:00:00Z');
const HEADER = 'Nom;Prénom;Classe;Date de naissance;E-mail du représentant légal';

describe('readPupilRows', () => {
  it('reads the columns whatever their order, case and accents', () => {
    const { pupils, errors } = readPupilRows(parseCsv('CLASSE;date de naissance;PRENOM;nom;courriel\n3e B;10/06/2012;Inès;Martin;Famille.Martin@Example.org\n'), TODAY);
    expect(errors).toEqual([]);
    expect(pupils).toEqual([
      { line: 2, lastName: 'Martin', firstName: 'Inès', className: '3e B', birthDate: new Date('2012-06-10T00:00:00Z'), legalRepEmail: 'famille.martin@example.org', priority: false, interests: '' },
    ]);
  });

  it('reads the optional priority and interests columns, and refuses an unclear priority', () => {
    const file = [
      `${HEADER};Prioritaire;Centres d’intérêt`,
      'Martin;Inès;3e A;10/06/2012;famille@example.org;OUI;animaux, cuisine',
      'Roux;Jade;3e A;11/06/2012;roux@example.org;;',
      'Garcia;Noah;3e A;12/06/2012;garcia@example.org;peut-être;',
    ].join('\n');
    const { pupils, errors } = readPupilRows(parseCsv(file), TODAY);
    expect(pupils.map(({ firstName, priority, interests }) => ({ firstName, priority, interests }))).toEqual([
      { firstName: 'Inès', priority: true, interests: 'animaux, cuisine' },
      { firstName: 'Jade', priority: false, interests: '' },
    ]);
    expect(errors).toEqual(['Ligne 4 : colonne « prioritaire » : écrivez oui ou non.']);
  });

  it('reports every bad row with its line and what is wrong', () => {
    const file = [
      HEADER,
      'Martin;Inès;3e A;10/06/2012;famille@example.org',
      ';Hugo;3e A;31/02/2012;pas-un-email',
      'Roux;Jade;3e A;01/01/2020;roux@example.org',
      'martin;INES;3e B;2012-06-10;autre@example.org',
    ].join('\n');
    const { errors } = readPupilRows(parseCsv(file), TODAY);
    expect(errors).toEqual([
      'Ligne 3 : nom manquant ; e-mail du représentant légal invalide ; date de naissance invalide (« 31/02/2012 », attendu JJ/MM/AAAA).',
      'Ligne 4 : date de naissance improbable pour un élève de collège (6 ans).',
      'Ligne 5 : même élève qu’à la ligne 2.',
    ]);
  });

  it('names the missing columns', () => {
    expect(readPupilRows(parseCsv('nom;prénom\nMartin;Inès'), TODAY).errors).toEqual([
      'Ligne 1 : colonne(s) absente(s) : classe, date de naissance, e-mail du représentant légal. La première ligne doit nommer les colonnes.',
    ]);
    expect(readPupilRows(parseCsv(HEADER), TODAY).errors).toEqual(['Le fichier ne contient aucun élève.']);
    expect(readPupilRows([], TODAY).errors).toEqual(['Le fichier est vide.']);
  });

  it('accepts only days that exist, in French or ISO order', () => {
    expect(parseBirthDate('29/02/2012')).toEqual(new Date('2012-02-29T00:00:00Z'));
    expect(parseBirthDate('29/02/2013')).toBeNull();
    expect(parseBirthDate('2012-13-01')).toBeNull();
    expect(parseBirthDate('1/3/2012')).toEqual(new Date('2012-03-01T00:00:00Z'));
    expect(parseBirthDate('mars 2012')).toBeNull();
  });
});
