// Counts in words for every message, view and command: "1 error", "2 errors", "1,204 warnings". One helper
// so no template prints "1 errors" or "2 hole(s)".

const IRREGULAR: Record<string, string> = {
  analysis: 'analyses',
  child: 'children',
  is: 'are',
  was: 'were',
  has: 'have',
  this: 'these',
};

/** The noun for `count` of it: `noun` for exactly 1, its plural otherwise (`many`, or the usual -s/-es). */
export function nounFor(count: number, noun: string, many?: string): string {
  if (count === 1) return noun;
  if (many !== undefined) return many;
  const irregular = IRREGULAR[noun];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** "1 error", "2 errors", "1,204 warnings" (thousands grouped the English way). */
export function plural(count: number, noun: string, many?: string): string {
  return `${count.toLocaleString('en')} ${nounFor(count, noun, many)}`;
}
