const NBSP = '\u00a0';

/**
 * Binds to their word the signs French sets off with a space (« guillemets », ; : ! ? € %), so a line never
 * starts with "»" or "€". Only spaces already typed are changed; none is added.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/« +/g, `«${NBSP}`).replace(/ +([»;:!?€%])/g, `${NBSP}$1`);
}

const PIECE_MIN = 10;
const PIECE_MAX = 20;

/**
 * A hyphenation callback for react-pdf, replacing its English one: ordinary words are never split. But a token wider
 * than its line (a long URL) is clipped, not wrapped, and text silently disappears: tokens longer than
 * `longestWholeWord` get break points, preferably after "/", ".", "-", "_", "?", "&", "=". react-pdf draws a hyphen
 * at such a break; that beats losing characters.
 */
export function hyphenation(longestWholeWord: number): (word: string) => string[] {
  return (word) => {
    if (Array.from(word).length <= longestWholeWord) return [word];
    const pieces = word.split(/(?<=[/.\-_?&=])/).flatMap((piece) => chunk(piece, PIECE_MAX));
    // Merging short pieces avoids breaks such as "https:/-".
    const merged: string[] = [];
    for (const piece of pieces) {
      const last = merged.at(-1);
      if (last !== undefined && Array.from(last).length < PIECE_MIN) merged[merged.length - 1] = last + piece;
      else merged.push(piece);
    }
    return merged;
  };
}

function chunk(text: string, size: number): string[] {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start += size) parts.push(chars.slice(start, start + size).join(''));
  return parts;
}
