/**
 * What is said on any bank call whatever the knowledge base holds: greetings, identity checks, numbers,
 * dates, places, closing. Added to every domain corpus so the model covers the conversation around the
 * bank's own topics. Written for this project (not taken from any test utterance).
 */
import { DIGIT_WORDS } from './numbers';

const phrases: readonly string[] = [
  // Agent: opening, verification, holding, closing.
  'thank you for calling how can i help you today',
  'good morning you are speaking with the card services team',
  'good afternoon how may i help',
  'may i have your full name please',
  'can you confirm your date of birth',
  'could you please confirm the last four digits of your card',
  'can i have the phone number registered on the account',
  'for security i need to verify your identity first',
  'thank you that is verified',
  'please hold while i check that for you',
  'thank you for waiting',
  'i am sorry to hear that',
  'i understand how frustrating that is',
  'let me transfer you to the right team',
  'is there anything else i can help you with',
  'thank you for your patience have a nice day',
  'you will receive a text message shortly',
  'the new card will arrive in five to seven working days',
  'i have blocked the card so nobody can use it',
  'would you like me to send you a replacement card',
  'i will send you a reference number',
  // Customer: how people open, explain and react.
  'hello yes hi',
  'yes that is right',
  'no that is not right',
  'yes please',
  'no thank you',
  'okay thank you very much',
  'sorry can you repeat that',
  'i am calling about my card',
  'i am calling about my account',
  'i have a problem with my card',
  'i need some help with my account',
  'i would like to speak to someone',
  'i would like to know why',
  'i think i have been charged twice',
  'i did not do this',
  'it was not me',
  'i do not know what happened',
  'i have been waiting for a long time',
  'this is the third time i have called',
  'i am not happy about this',
  'i left it on the bus',
  'i think i dropped it in a taxi',
  'i had it at the shop this morning',
  'i must have lost it at the airport',
  'it was in my bag at the station',
  'someone took my wallet on the train',
  'i was at the restaurant last night',
  'it happened yesterday afternoon',
  'it happened last week',
  'it was about an hour ago',
  'i used it at the supermarket on monday',
  'the payment was on the tenth of march',
  // Numbers and amounts, the way they are read out.
  'my date of birth is the first of january nineteen eighty',
  'the amount was one hundred and twenty dollars',
  'about two thousand yuan',
  'it was fifty pounds',
  'january february march april may june july august september october november december',
  'monday tuesday wednesday thursday friday saturday sunday',
  'first second third fourth fifth',
  'today tomorrow yesterday this morning this afternoon this evening tonight',
];

/** Lead-ins before a number read out digit by digit. */
const numberLeads = ['my card number is', 'the card number is', 'my account number is', 'my phone number is', 'the last four digits are', 'it is', 'the reference is', ''];

/**
 * Numbers read out digit by digit (card, account, phone numbers): every ordered pair of digits, several
 * times over, so no digit sequence is unlikely. Pseudo-random but fixed (a linear congruential generator
 * with a constant seed), so the same corpus always gives the same model and cache key.
 */
function digitRuns(): string[] {
  let state = 20240607;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The low bits of this generator repeat quickly; the high ones are usable.
    return Math.floor(state / 65536) % n;
  };
  const runs: string[] = [];
  for (let i = 0; i < 60; i++) {
    const length = [4, 4, 6, 8, 11, 16][next(6)] as number;
    const digits = Array.from({ length }, () => DIGIT_WORDS[next(10)]).join(' ');
    const lead = numberLeads[i % numberLeads.length] as string;
    runs.push(lead === '' ? digits : `${lead} ${digits}`);
  }
  return runs;
}

/** The generic call-centre phrases, plus numbers read out digit by digit. */
export function genericPhrases(): string[] {
  return [...phrases, ...digitRuns()];
}
