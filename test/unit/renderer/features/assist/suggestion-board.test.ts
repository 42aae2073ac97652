import { describe, expect, it } from 'vitest';
import { SuggestionBoard, type BoardHit } from '@renderer/features/assist/suggestion-board';

const hit = (id: string, score: number): BoardHit => ({ id, title: `Title ${id}`, answer: `Answer ${id}`, score });
const ids = (board: SuggestionBoard, at: number) => board.cards(at).map((c) => c.id);

describe('SuggestionBoard', () => {
  it('shows the best articles first, at most three', () => {
    const board = new SuggestionBoard();
    board.add([hit('lost', 0.9), hit('freeze', 0.5), hit('fee', 0.4), hit('limit', 0.3)], 0);
    expect(ids(board, 0)).toEqual(['lost', 'freeze', 'fee']);
  });

  it('keeps the order through small wobbles and reorders on a clear overtake', () => {
    const board = new SuggestionBoard();
    board.add([hit('a', 0.8), hit('b', 0.7)], 0);
    expect(ids(board, 0)).toEqual(['a', 'b']);
    // b gains a little: a is still shown first.
    board.add([hit('b', 0.2)], 1000);
    expect(ids(board, 1000)).toEqual(['a', 'b']);
    // b gains a lot: it moves up.
    board.add([hit('b', 0.9)], 2000);
    expect(ids(board, 2000)).toEqual(['b', 'a']);
  });

  it('lets old topics fade out as the conversation moves on', () => {
    const board = new SuggestionBoard({ halfLifeMs: 10_000 });
    board.add([hit('old', 1)], 0);
    board.add([hit('new', 0.6)], 30_000);
    expect(ids(board, 30_000)[0]).toBe('new');
    expect(ids(board, 40_000)).toEqual(['new']);
    expect(ids(board, 120_000)).toEqual([]);
  });

  it('weighs lower-ranked hits and scaled searches (the IVR intent) less', () => {
    const board = new SuggestionBoard();
    board.add([hit('ivr', 1)], 0, 0.5);
    board.add([hit('said', 0.7)], 0);
    expect(ids(board, 0)).toEqual(['said', 'ivr']);
    expect(board.cards(0).map((c) => Number(c.weight.toFixed(2)))).toEqual([0.7, 0.5]);
    const ranked = new SuggestionBoard();
    ranked.add([hit('a', 1), hit('b', 1)], 0);
    expect(ranked.cards(0).find((c) => c.id === 'b')?.weight).toBeCloseTo(0.5);
  });
});
