/**
 * Numbers as a recogniser hears them. Knowledge articles write "12 months" or "500000"; callers say
 * "twelve months", "five hundred thousand", so the language model must see the words.
 */

const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales: readonly [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];

/** The ten spoken digits, zero to nine. */
export const DIGIT_WORDS: readonly string[] = ones.slice(0, 10);

function below1000(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ones[Math.floor(n / 100)] as string, 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    words.push(tens[Math.floor(n / 10)] as string);
    n %= 10;
    if (n > 0) words.push(ones[n] as string);
  } else if (n > 0 || words.length === 0) {
    words.push(ones[n] as string);
  }
  return words;
}

/**
 * Spells a whole number in words ("1200" → one thousand two hundred). Numbers with a leading zero or
 * longer than nine digits are read digit by digit, as people read card and phone numbers.
 */
export function integerToWords(digits: string): string[] {
  if (!/^\d+$/.test(digits)) throw new Error(`not a whole number: ${digits}`);
  if ((digits.length > 1 && digits.startsWith('0')) || digits.length > 9) return [...digits].map((d) => ones[Number(d)] as string);
  let n = Number(digits);
  if (n === 0) return ['zero'];
  const words: string[] = [];
  for (const [size, name] of scales) {
    if (n >= size) {
      words.push(...below1000(Math.floor(n / size)), name);
      n %= size;
    }
  }
  if (n > 0) words.push(...below1000(n));
  return words;
}

/** Spells a decimal like 1.5 as "one point five". */
export function numberToWords(text: string): string[] {
  const [whole, fraction] = text.split('.');
  const words = integerToWords(whole === undefined || whole === '' ? '0' : whole);
  if (fraction) words.push('point', ...[...fraction].map((d) => ones[Number(d)] as string));
  return words;
}
