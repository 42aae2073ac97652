import { describe, expect, it } from 'vitest';
import type { RecordingProblem } from '@renderer/features/recording/recording-slice';
import { saveHealth } from '@renderer/features/recording/save-health';

function harness() {
  const problems: (RecordingProblem | null)[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const health = saveHealth({
    setProblem: (problem) => problems.push(problem),
    log: { error: (message) => errors.push(message), warn: (message) => warnings.push(message) },
  });
  return { health, problems, errors, warnings };
}

const full = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');

describe('saveHealth', () => {
  it('logs the first failure of a kind per call, counts the rest, and clears the alert once saves work again', () => {
    const { health, problems, errors, warnings } = harness();
    for (let slice = 0; slice < 20; slice++) health.failed('call-1', full);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('recording of call call-1 failed (disk-full)');
    expect(problems.at(-1)).toMatchObject({ code: 'disk-full' });

    health.saved('call-1');
    expect(warnings).toEqual(['recording of call call-1 is saved again after 20 failed save(s) (disk-full); the audio in between is missing']);
    expect(problems.at(-1)).toBeNull();
    // A save with nothing failing before tells nobody anything.
    health.saved('call-1');
    expect(warnings).toHaveLength(1);
  });

  it('logs a new kind of failure, and keeps the alert while another call still fails', () => {
    const { health, problems, errors } = harness();
    health.failed('call-1', full);
    health.failed('call-1', new TypeError('chunk lost'));
    expect(errors).toHaveLength(2);
    health.failed('call-2', full);
    health.saved('call-1');
    expect(problems.at(-1)).toMatchObject({ code: 'disk-full' });
    health.saved('call-2');
    expect(problems.at(-1)).toBeNull();
  });
});
