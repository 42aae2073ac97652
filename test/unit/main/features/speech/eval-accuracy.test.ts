/**
 * The short form of the held-out speech evaluation (issue 22 §3) that runs in CI: the slt voice (the one
 * the other speech tests use), the first 3 utterances of 4 calls = 12 utterances, 4 of them a call's first
 * sentence. Loose floors that catch a regression (a broken model, front end or segmentation), not the
 * targets: the full set's figures come from `npm run speech:eval-set` and `npm run bench -- --only assist`.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEvalSet } from '../../../../fixtures/speech/eval-run';

const CALLS = ['lost-card', 'complaint', 'double-charge', 'overdraft'];
/**
 * Measured 0.972 overall, 0.975 on first sentences with the general model interpolated (issue 22 §2); the domain
 * model alone scored 0.776 / 0.800 here, so a general model that silently drops out fails (a search that lost
 * its language weight scored 0.71 on two full eval calls). Seven points of slack: noise passes.
 */
const OVERALL_FLOOR = 0.9;
const FIRST_FLOOR = 0.9;

describe('held-out speech evaluation, short form', () => {
  it('recognises the slt voice on unseen bank calls, first sentences included', { timeout: 600_000 }, async () => {
    const report = await evaluateEvalSet({ voices: ['slt'], calls: CALLS }, { utterancesPerCall: 3 });
    expect(report.utterances).toHaveLength(12);
    const misses = report.utterances.filter((u) => u.score.accuracy < 1).map((u) => `${u.call}#${u.index}: "${u.expected}" → "${u.recognised}"`);
    expect(report.overall.wordAccuracy, misses.join('\n')).toBeGreaterThanOrEqual(OVERALL_FLOOR);
    expect(report.firstUtterance.wordAccuracy, misses.join('\n')).toBeGreaterThanOrEqual(FIRST_FLOOR);
  });
});
