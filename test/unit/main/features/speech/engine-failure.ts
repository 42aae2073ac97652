/** Shared by the engine error tests: awaits a promise that must fail with a SpeechEngineError. */
import { expect } from 'vitest';
import { SpeechEngineError } from '@main/features/speech/engine';

/** The failure's code and message; fails the test when the promise resolves or throws something else. */
export async function engineFailure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SpeechEngineError);
    return { code: (error as SpeechEngineError).code, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}
