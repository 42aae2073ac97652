/**
 * Failed saves of a call's recording, told once: the agent's alert shows the latest problem, IT's log gets the
 * first failure of each kind per call (a full disk fails every slice, twice a second, for the rest of the call)
 * and, once a slice is saved again, how many failed in between; the alert then goes away.
 */
import { recordingProblemOf } from './problems';
import type { RecordingProblem } from './recording-slice';

export interface SaveHealthDeps {
  setProblem(problem: RecordingProblem | null): void;
  log: { error(message: string, error?: unknown): void; warn(message: string): void };
}

export interface SaveHealth {
  failed(callId: string, error: unknown): void;
  saved(callId: string): void;
}

export function saveHealth({ setProblem, log }: SaveHealthDeps): SaveHealth {
  const failing = new Map<string, { code: RecordingProblem['code']; count: number }>();
  return {
    failed(callId, error) {
      const problem = recordingProblemOf(error);
      const seen = failing.get(callId);
      if (seen?.code === problem.code) seen.count += 1;
      else {
        failing.set(callId, { code: problem.code, count: 1 });
        log.error(`recording of call ${callId} failed (${problem.code}); further failures like it are counted until a save succeeds`, error);
      }
      setProblem(problem);
    },
    saved(callId) {
      const seen = failing.get(callId);
      if (!seen) return;
      failing.delete(callId);
      log.warn(`recording of call ${callId} is saved again after ${seen.count} failed save(s) (${seen.code}); the audio in between is missing`);
      if (failing.size === 0) setProblem(null);
    },
  };
}
