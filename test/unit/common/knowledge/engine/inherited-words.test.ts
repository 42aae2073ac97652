import { describe, expect, it } from 'vitest';
import { KnowledgeEngine } from '@common/knowledge/engine';

/** Words that name Object.prototype members: the engine's word tables must not "know" them. */
const WORDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', "constructor's"];

describe('words that plain objects inherit', () => {
  it('index and search like any other word', () => {
    const engine = KnowledgeEngine.build([
      { id: 'builder', title: 'Constructor loans for building firms', questions: ['a loan for a constructor', 'toString valueOf __proto__ hasOwnProperty'] },
      { id: 'card', title: 'Lost card', questions: ['I lost my card'] },
    ]);
    for (const word of WORDS) expect(() => engine.search(word), word).not.toThrow();
    expect(engine.search('loan for my constructor business')[0]?.id).toBe('builder');
    expect(engine.search('toString')[0]?.id).toBe('builder');
    expect(engine.search('我的constructor卡丢了 toString').length).toBeGreaterThan(0);
  });
});
