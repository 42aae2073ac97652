/** Shared helpers for the analysis tests: the default policy and terse event builders. */
import { assistPolicySchema, type AssistPolicy } from '@common/contract/policy-assist';
import type { Leg, TranscriptEvent } from '@renderer/features/assist/analysis/types';

/** The assist section as the defaults make it. */
export function defaultPolicy(overrides: unknown = {}): AssistPolicy {
  return assistPolicySchema.parse(overrides);
}

/** A final utterance. */
export function final(leg: Leg, text: string, startMs: number, endMs: number): TranscriptEvent {
  return { leg, text, startMs, endMs, final: true };
}

/** A partial result. */
export function partial(leg: Leg, text: string, startMs: number, endMs: number): TranscriptEvent {
  return { leg, text, startMs, endMs, final: false };
}
