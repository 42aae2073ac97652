/**
 * The Porter (1980) stemmer, in the form of Martin Porter's reference JavaScript version, so that
 * "refunds", "refunded" and "refunding" meet on "refund". Kept in the engine instead of a package
 * because it is 80 lines and the engine must stay dependency-free for the worker and the CLI.
 */
const step2: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al',
  entli: 'ent', eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al',
  iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log',
};
const step3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };

const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;
const mGt0 = new RegExp(`^(${C})?${V}${C}`);
const mEq1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
const mGt1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
const hasVowel = new RegExp(`^(${C})?${v}`);
const cvc = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const STEP2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

/** Stems one lower-case English word. Words under three letters are returned unchanged. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const firstY = w[0] === 'y';
  if (firstY) w = `Y${w.slice(1)}`;

  // Step 1a: plurals.
  if (/^(.+?)(ss|i)es$/.test(w)) w = w.replace(/^(.+?)(ss|i)es$/, '$1$2');
  else if (/^(.+?)([^s])s$/.test(w)) w = w.replace(/^(.+?)([^s])s$/, '$1$2');

  // Step 1b: -eed, -ed, -ing.
  let m = /^(.+?)eed$/.exec(w);
  if (m) {
    if (mGt0.test(m[1] as string)) w = w.slice(0, -1);
  } else if ((m = /^(.+?)(ed|ing)$/.exec(w)) && hasVowel.test(m[1] as string)) {
    w = m[1] as string;
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    else if (cvc.test(w)) w += 'e';
  }

  // Step 1c: y → i after a vowel-bearing stem.
  if ((m = /^(.+?)y$/.exec(w)) && hasVowel.test(m[1] as string)) w = `${m[1]}i`;

  if ((m = STEP2.exec(w)) && mGt0.test(m[1] as string)) w = (m[1] as string) + step2[m[2] as string];
  if ((m = STEP3.exec(w)) && mGt0.test(m[1] as string)) w = (m[1] as string) + step3[m[2] as string];

  // Step 4: drop suffixes when the stem is long enough.
  if ((m = STEP4.exec(w))) {
    if (mGt1.test(m[1] as string)) w = m[1] as string;
  } else if ((m = /^(.+?)(s|t)(ion)$/.exec(w)) && mGt1.test((m[1] as string) + m[2])) {
    w = (m[1] as string) + m[2];
  }

  // Step 5: final -e and -ll.
  if ((m = /^(.+?)e$/.exec(w))) {
    const stem = m[1] as string;
    if (mGt1.test(stem) || (mEq1.test(stem) && !cvc.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && mGt1.test(w)) w = w.slice(0, -1);

  return firstY ? `y${w.slice(1)}` : w;
}
