import { describe, expect, it } from 'vitest';
import { cosine, createLocalEmbedder, sharedConcepts } from './local-embedder';
import { createThesaurus, frenchThesaurus } from './thesaurus';

const embedder = createLocalEmbedder();
const similarity = (a: string, b: string, using = embedder) => {
  const [x, y] = using.embed([a, b]);
  return cosine(x as number[], y as number[]);
};
const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe('createLocalEmbedder', () => {
  it('names its model after its dimension, 384 by default', () => {
    expect(embedder.model).toEqual({ key: 'local:lexical-fr:384', dimensions: 384 });
    expect(createLocalEmbedder({ dimensions: 64 }).model).toEqual({ key: 'local:lexical-fr:64', dimensions: 64 });
  });

  it('adds the tag of a thesaurus other than the shipped one to the model key', () => {
    expect(createLocalEmbedder({ thesaurusTag: 'th-0a1b2c3d' }).model).toEqual({ key: 'local:lexical-fr:384:th-0a1b2c3d', dimensions: 384 });
  });

  it('refuses a dimension that is not a usable integer', () => {
    expect(() => createLocalEmbedder({ dimensions: 0 })).toThrow(RangeError);
    expect(() => createLocalEmbedder({ dimensions: 12.5 })).toThrow(RangeError);
  });

  it('gives one unit vector of the model dimension per text', () => {
    const texts = ['Tenue de la trésorerie', 'Hangar de stockage', 'Stage de 3e en menuiserie'];
    for (const dimensions of [64, 384, 1024]) {
      const vectors = createLocalEmbedder({ dimensions }).embed(texts);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(dimensions);
        expect(norm(vector)).toBeCloseTo(1, 10);
      }
    }
  });

  it('is deterministic, across calls, batches and instances', () => {
    const text = "Aide pour le budget de l'association";
    const [alone] = embedder.embed([text]);
    const [, inBatch] = embedder.embed(['Réparation de vélos', text]);
    expect(inBatch).toEqual(alone);
    expect(createLocalEmbedder().embed([text])).toEqual([alone]);
  });

  it('gives the zero vector to a text without any significant word', () => {
    for (const text of ['', 'de la et les', '12 42']) {
      const [vector] = embedder.embed([text]);
      expect(vector?.every((value) => value === 0), text).toBe(true);
    }
  });

  it('scores related texts above unrelated ones', () => {
    const query = 'tenue de la trésorerie';
    const related = similarity(query, "aide pour le budget de l'association");
    const unrelated = similarity(query, 'réparation de vélos');
    expect(related).toBeGreaterThan(0.3);
    expect(Math.abs(unrelated)).toBeLessThan(0.1);
  });

  it('lets paraphrases without a shared word meet through the thesaurus', () => {
    const pairs = [
      ['fauteuil roulant', 'accès PMR'],
      ['ébéniste', 'travail du bois'],
      ['mise en page', 'graphiste'],
      ['hangar', 'entrepôt'],
      ['centrale photovoltaïque', 'toiture'],
      ['recrutement', 'fiches de paie'],
    ];
    for (const [a, b] of pairs) expect(similarity(a as string, b as string), `${a} / ${b}`).toBeGreaterThan(0.3);
    expect(Math.abs(similarity('fauteuil roulant', 'panneaux solaires'))).toBeLessThan(0.1);
  });

  it('brings every term of a thesaurus group close to the first one', () => {
    for (const group of frenchThesaurus.groups) {
      const [head, ...others] = embedder.embed(group.terms) as [number[], ...number[][]];
      for (const [index, other] of others.entries()) {
        expect(cosine(head, other), `${group.terms[0]} / ${group.terms[index + 1]}`).toBeGreaterThan(0.25);
      }
    }
  });

  it('is robust to missing accents, plurals and case', () => {
    expect(similarity('Comptabilite des associations', 'comptabilité de l’association')).toBeGreaterThan(0.7);
    expect(similarity('ATELIER VÉLOS', 'atelier vélo')).toBeGreaterThan(0.95);
  });

  it('does not let the words of every announcement make unrelated needs meet', () => {
    expect(similarity("Notre association recherche une aide pour son projet", "Notre association recherche une aide pour son jardin")).toBeLessThan(0.3);
    expect(similarity('aide pour le budget', 'aide pour les vélos')).toBeLessThan(0.1);
  });
});

describe('cosine', () => {
  it('is 1 for a vector with itself, 0 with a zero or missing vector', () => {
    const [vector] = embedder.embed(['maraîchage']) as [number[]];
    expect(cosine(vector, vector)).toBeCloseTo(1, 10);
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine(vector, vector.map(() => 0))).toBe(0);
    expect(cosine(vector, [])).toBe(0);
  });

  it('refuses vectors of different dimensions', () => {
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('sharedConcepts', () => {
  it('names the shared concept, then the term when both texts use it', () => {
    expect(sharedConcepts('Graphiste pour la mise en page de notre journal', 'Agent compétent en PAO et mise en page')).toEqual([
      'graphisme',
      'mise en page',
    ]);
    expect(sharedConcepts('tenue de la trésorerie', "aide pour le budget de l'association")).toEqual(['finances']);
  });

  it('puts concepts found through longer terms first', () => {
    expect(sharedConcepts('accès pour personnes à mobilité réduite et salle de réunion', 'bureau accessible PMR')).toEqual([
      'accessibilité PMR',
      'salles et bureaux',
    ]);
  });

  it('adds the significant words both texts use, longest first, in the first text’s spelling', () => {
    expect(sharedConcepts('Atelier de sérigraphie à Uzès', 'atelier de serigraphie, Uzes')).toEqual(['sérigraphie', 'atelier', 'uzès']);
  });

  it('leaves out numbers and the words of every announcement, and stops at four', () => {
    expect(sharedConcepts('Notre association recherche une aide en 2027', 'Association qui recherche de l’aide en 2027')).toEqual([]);
    const many = 'trésorerie graphisme menuiserie vélo jardinage cuisine';
    expect(sharedConcepts(many, many)).toHaveLength(4);
  });

  it('finds nothing between unrelated texts', () => {
    expect(sharedConcepts('réparation de vélos', 'tenue de la trésorerie')).toEqual([]);
  });
});

/**
 * (need or interests, relevant offer, irrelevant offer). The relevant offer never repeats the query's subject words:
 * it only wins through stemming, the thesaurus and the low weight of the platform's ubiquitous words.
 */
const TRIPLES: [string, string, string][] = [
  ["Besoin d'aide pour tenir la trésorerie de l'association", 'Agent comptable : suivi budgétaire et bilans', 'Animateur : ateliers de jeux pour les enfants'],
  ['Refaire notre logo et nos affiches', 'Graphiste, PAO et mise en page de documents', 'Juriste, rédaction de statuts'],
  ["Mettre à jour nos statuts avant l'assemblée générale", 'Conseil juridique en droit associatif', 'Entretien des espaces verts et taille des haies'],
  ['Embaucher et faire les fiches de paie de notre premier salarié', 'Gestion RH : recrutement, contrats de travail', 'Réparation et entretien de vélos'],
  ['Créer un potager partagé au pied des immeubles', 'Jardinier : maraîchage et permaculture', 'Développeur web, création de sites internet'],
  ['Lancer une radio associative avec des jeunes', 'Journaliste : animation d’émissions et podcasts', 'Plombier : électricité et petits travaux'],
  ["Répondre à un appel d'offres du Département", 'Expertise en commande publique', 'Photographe : reportages et portraits'],
  ["Construire des indicateurs pour notre rapport d'activité", 'Tableaux de bord, évaluation et statistiques', 'Cuisinier en restauration collective'],
  ['Local accessible en fauteuil roulant pour nos permanences', 'Bureau de plain-pied, accès PMR', 'Hangar de 300 m² pour du stockage'],
  ['Cherche un entrepôt pour entreposer des meubles', 'Hangar de 400 m² pour stockage', 'Salle de réunion en centre-ville'],
  ['Installer une centrale photovoltaïque citoyenne', 'Toiture de gymnase orientée sud, 800 m²', 'Terrain nu de 2 hectares en zone agricole'],
  ['Parcelle pour un projet de maraîchage bio', 'Terrain agricole de 3 hectares avec accès à l’eau', 'Bureaux équipés au premier étage de la mairie'],
  ["J'aime les animaux et la nature", 'Stage de 3e dans une ferme pédagogique : soins aux chèvres et aux poules', 'Stage de 3e au service comptabilité du Département'],
  ['Je voudrais devenir mécanicien', 'Stage d’observation au garage solidaire : mécanique automobile', 'Stage d’observation à la médiathèque'],
  ['Passionnée de théâtre et de musique', "Découverte d'une compagnie de spectacle vivant", 'Découverte du métier de maçon sur un chantier'],
  ["Intéressé par l'informatique et les jeux vidéo", 'Stage au service numérique : maintenance du parc informatique', 'Stage en cuisine centrale'],
];

describe('quality on French needs, places and internships', () => {
  const wins = (using: ReturnType<typeof createLocalEmbedder>) =>
    TRIPLES.filter(([query, relevant, irrelevant]) => similarity(query, relevant, using) > similarity(query, irrelevant, using));

  it('ranks the relevant offer above the irrelevant one', () => {
    for (const [query, relevant, irrelevant] of TRIPLES) {
      expect(similarity(query, relevant), `${query} → ${relevant} / ${irrelevant}`).toBeGreaterThan(similarity(query, irrelevant));
    }
  });

  it('owes most of it to the thesaurus', () => {
    const bare = createLocalEmbedder({ thesaurus: createThesaurus({ sources: [{ name: 'vide', usage: 'test' }], groups: [{ label: 'x', terms: ['xq', 'xr'] }] }) });
    expect(wins(bare).length).toBeLessThan(TRIPLES.length * 0.75);
  });
});
