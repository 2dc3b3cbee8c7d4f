import { z } from 'zod';
import data from './data/thesaurus-fr.json' with { type: 'json' };
import { inflectionKey, isStopWord, tokenize } from './text';

const sourceSchema = z.object({
  name: z.string().trim().min(1),
  url: z.url().optional(),
  usage: z.string().trim().min(1),
});

const schema = z.object({
  sources: z.array(sourceSchema).min(1),
  groups: z
    .array(
      z.object({
        label: z.string().trim().min(1),
        terms: z.array(z.string().trim().min(1)).min(2),
      }),
    )
    .min(1),
});

export type ThesaurusData = z.infer<typeof schema>;

/** A thesaurus term found in a text: the group's label and the term as written in the thesaurus. */
export interface ConceptHit {
  label: string;
  matched: string;
  /** Position of the match in the keys given to `match`, end excluded. */
  start: number;
  end: number;
}

export interface Thesaurus {
  readonly groups: ThesaurusData['groups'];
  /** Concepts named in a text, longest terms first where they overlap, in reading order. */
  conceptsIn(text: string): ConceptHit[];
  /** Same, on a text already reduced to `contentKeys`. */
  match(keys: readonly string[]): ConceptHit[];
}

/** Keys the thesaurus compares: significant words only, plural and feminine forms merged. */
export function contentKeys(text: string): string[] {
  return tokenize(text)
    .filter((token) => !isStopWord(token))
    .map(inflectionKey);
}

interface Entry {
  keys: string[];
  term: string;
  labels: string[];
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const [section, groupIndex, field, termIndex] = issue.path;
  if (section !== 'groups' || typeof groupIndex !== 'number') return `${issue.path.join('.') || 'fichier'} : ${issue.message}`;
  const groups = (input as { groups?: { label?: unknown; terms?: unknown[] }[] }).groups;
  const label = groups?.[groupIndex]?.label;
  const group = typeof label === 'string' && label.trim() ? `groupe « ${label} »` : `groupe n° ${groupIndex + 1}`;
  if (field === 'terms' && typeof termIndex === 'number') {
    const term = groups?.[groupIndex]?.terms?.[termIndex];
    return `${group}, terme n° ${termIndex + 1}${typeof term === 'string' ? ` « ${term} »` : ''} : ${issue.message}`;
  }
  const fieldName = field === 'terms' ? 'termes' : field === 'label' ? 'libellé' : field;
  return `${group}${fieldName === undefined ? '' : `, ${String(fieldName)}`} : ${issue.message}`;
}

/** A thesaurus that cannot be used, with one French line per problem. */
export class ThesaurusError extends Error {
  override name = 'ThesaurusError';
  constructor(readonly problems: string[]) {
    super(`Thésaurus invalide :\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Validates thesaurus data; every problem is named by its group and term. */
export function parseThesaurus(input: unknown): ThesaurusData {
  const result = schema.safeParse(input);
  const problems = result.success ? [] : result.error.issues.map((issue) => describe(issue, input));
  if (result.success) {
    const seen = new Set<string>();
    for (const group of result.data.groups) {
      if (seen.has(group.label)) problems.push(`groupe « ${group.label} » : libellé en double`);
      seen.add(group.label);
      for (const term of group.terms) {
        if (contentKeys(term).length === 0) problems.push(`groupe « ${group.label} », terme « ${term} » : aucun mot significatif`);
      }
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new ThesaurusError(problems);
  }
  return result.data;
}

/** Where JSON.parse gives up: the first character no valid JSON text can have there (0-based), or null at the end. */
function jsonErrorOffset(text: string): number | null {
  const fineSoFar = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      // A cut-off text fails at its end, or at a position at or past the cut.
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      return message.includes('Unexpected end') || (position !== undefined && Number(position) >= length);
    }
  };
  if (fineSoFar(text.length)) return null;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fineSoFar(middle + 1)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The thesaurus as typed in a text field or a file: JSON errors are given by line and column. */
export function parseThesaurusText(text: string): ThesaurusData {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    if (offset === null) {
      throw new ThesaurusError(['le texte s’arrête avant la fin : une accolade « } », un crochet « ] » ou des guillemets ne sont pas fermés']);
    }
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new ThesaurusError([
      `ligne ${line}, colonne ${column} : ce n’est plus du JSON valide. Vérifiez à cet endroit, ou juste avant, les guillemets droits (« " »), ` +
        'les virgules entre deux éléments (aucune après le dernier), les crochets « [ ] » et les accolades « { } ».',
    ]);
  }
  return parseThesaurus(input);
}

/** Builds the matcher; a term listed in several groups names all of them. */
export function createThesaurus(input: unknown): Thesaurus {
  const parsed = parseThesaurus(input);
  const byFirstKey = new Map<string, Entry[]>();
  const bySequence = new Map<string, Entry>();
  for (const group of parsed.groups) {
    for (const term of group.terms) {
      const keys = contentKeys(term);
      const sequence = keys.join(' ');
      const existing = bySequence.get(sequence);
      if (existing) {
        if (!existing.labels.includes(group.label)) existing.labels.push(group.label);
        continue;
      }
      const entry: Entry = { keys, term, labels: [group.label] };
      bySequence.set(sequence, entry);
      const first = keys[0] as string;
      byFirstKey.set(first, [...(byFirstKey.get(first) ?? []), entry]);
    }
  }
  for (const entries of byFirstKey.values()) entries.sort((a, b) => b.keys.length - a.keys.length);

  const match = (keys: readonly string[]): ConceptHit[] => {
    const hits: ConceptHit[] = [];
    let start = 0;
    while (start < keys.length) {
      const entry = byFirstKey
        .get(keys[start] as string)
        ?.find((candidate) => candidate.keys.every((key, offset) => keys[start + offset] === key));
      if (!entry) {
        start += 1;
        continue;
      }
      const end = start + entry.keys.length;
      for (const label of entry.labels) hits.push({ label, matched: entry.term, start, end });
      start = end;
    }
    return hits;
  };

  return { groups: parsed.groups, match, conceptsIn: (text) => match(contentKeys(text)) };
}

/** The thesaurus shipped in `data/thesaurus-fr.json`, edited by the Mission ESS. */
export const frenchThesaurus: Thesaurus = createThesaurus(data);
