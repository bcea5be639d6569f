/** Salt, ester and hydrate words that do not change the active moiety (amlodipine besylate = amlodipine). */
const SALT_WORDS = new Set([
  'hydrochloride',
  'dihydrochloride',
  'hydrobromide',
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'besylate',
  'besilate',
  'maleate',
  'fumarate',
  'succinate',
  'tartrate',
  'phosphate',
  'oxalate',
  'sulfate',
  'sulphate',
  'bisulfate',
  'acetate',
  'bromide',
  'chloride',
  'carbonate',
  'citrate',
  'mesylate',
  'axetil',
  'etexilate',
  'tert-butylamine',
  'propionate',
  'monohydrate',
  'dihydrate',
  'trihydrate',
]);

/**
 * The comparable generic name of an ingredient: lower case, parenthesised notes and salt words
 * removed (trailing first, then leading), never down to nothing.
 *   "Amlodipine besylate" → "amlodipine"; "Sodium valproate" → "valproate"; "Potassium chloride" → "potassium".
 */
export function ingredientKey(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && SALT_WORDS.has(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 1 && SALT_WORDS.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}
