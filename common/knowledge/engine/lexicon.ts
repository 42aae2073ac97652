/**
 * A small English lexicon for bank customer support, applied after stemming at indexing and query
 * time alike, so the words customers use meet the words a knowledge base author wrote:
 * - spelling and morphology Porter leaves apart (recognise/recognize, verification/verify, expiry/expire)
 *   and irregular verbs (paid → pay, withdrew → withdraw, stole → steal);
 * - bank-support synonyms (refused/rejected → declined, funds → money, reimburse → refund);
 * - words that stand for two ("topup" → top up, "unrecognised" → not recognise).
 * Written by hand from general banking English (no data set's test queries), checked on held-back
 * BANKING77 training rows. Chinese text is not touched: folding and bigrams already cover its variants.
 */
import { own } from './own';
import { porterStem } from './stem';

/** Each group: the canonical word first, then words that mean the same to a bank's customer. */
const GROUPS: readonly string[] = [
  // Spelling variants and derivations the Porter stemmer does not join.
  'recognize recognise recognized recognised recognizing recognising recognition',
  'authorize authorise authorized authorised authorization authorisation approve approved approval',
  'verify verification verified verifying',
  'identity id identification identify identified ident',
  'expire expiry expiration expired validity',
  'cancel cancelled canceled cancellation',
  'apologize apologise',
  // Irregular verbs.
  'pay paid',
  'send sent',
  'buy bought purchase purchased purchasing',
  'withdraw withdrew withdrawn',
  'lose lost losing misplaced misplace missing',
  'steal stole stolen theft',
  'spend spent',
  'take took taken',
  'freeze froze frozen',
  'forget forgot forgotten',
  'find found',
  // Bank-support synonyms.
  'decline rejected reject refused refuse denied deny',
  'money funds',
  'fee commission surcharge',
  // Not "double": customers double-check.
  'twice duplicate duplicated',
  'why reason',
  'refund reimburse reimbursement reimbursed',
  'atm cashpoint',
  'change edit modify amend',
  'wrong incorrect mistaken erroneous',
  'limit maximum max',
  'block locked lock',
  'revert reverse reversed reversal',
  'close terminate delete deactivate',
  'exchange convert conversion converted',
  'salary wage wages paycheck paycheque',
  'phone cellphone smartphone',
  'abroad overseas',
  'deliver delivery delivered delivering',
  'detail details information info',
  'exchange fx forex',
  'euro euros eur',
  'dollar dollars usd',
  'pound pounds gbp',
  'extra additional',
  'problem issue issues trouble',
  'broken damaged cracked',
  'child children kid kids son daughter',
  'merchant shop store seller retailer vendor',
  'online internet website',
  'compromise compromised breach breached hacked hacker',
];

/** Words that stand for two words ("topup" is "top up"). */
const SPLITS: Readonly<Record<string, string>> = {
  topup: 'top up',
  topups: 'top up',
  unrecognized: 'not recognize',
  unrecognised: 'not recognize',
  unauthorized: 'not authorize',
  unauthorised: 'not authorize',
  cashpoint: 'atm',
};

let canonical: Map<string, string> | undefined;

function canonicalMap(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    for (const group of GROUPS) {
      const [head, ...rest] = group.split(' ') as [string, ...string[]];
      const target = porterStem(head);
      for (const word of [head, ...rest]) {
        canonical.set(word, target);
        canonical.set(porterStem(word), target);
      }
    }
  }
  return canonical;
}

/** A lower-case word as the words it stands for ("topup" → ["top", "up"]); most words map to themselves. */
export function splitWord(word: string): string[] {
  const split = own(SPLITS, word);
  return split === undefined ? [word] : split.split(' ');
}

/** The stemmed, canonical term of a lower-case word. */
export function stemWord(word: string): string {
  const map = canonicalMap();
  return map.get(word) ?? map.get(porterStem(word)) ?? porterStem(word);
}
