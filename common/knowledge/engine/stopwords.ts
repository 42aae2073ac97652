/**
 * English function words dropped from queries and documents. Question words (how, why, when, where,
 * what, which) and negations are deliberately kept: "why was my card declined" and "my card was not
 * declined" ask different things, and in a bank FAQ the question word often is the intent. Particles
 * (up, out, off) stay too: "top up", "cash out" and "pay off" are banking phrases.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto about as than too very ' +
    'i me my mine myself we us our ours you your yours he him his she her hers it its they them their ' +
    'this that these those there here is am are was were be been being do does did doing done have has had ' +
    'having will would shall should can could may might must just also please hi hello thanks thank ' +
    'some any all each more most other such own same only again further once ' +
    'get got im ive id youre its whats thats theres'
  ).split(' '),
);
