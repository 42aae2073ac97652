import type { Policy } from '@common/contract/policy';
import type { SupervisionWireMode } from '@common/supervision/supervision-protocol';

/**
 * The modes a lead is offered. Desktop supervision does all four; with PBX feature codes a mode needs its
 * own code or switch digits, and take over (which no feature code standard covers) is not offered.
 */
export function offeredModes(codes: Policy['supervision']['featureCodes']): SupervisionWireMode[] {
  if (!codes) return ['listen', 'whisper', 'barge', 'takeover'];
  return (['listen', 'whisper', 'barge'] as const).filter((mode) => mode === 'listen' || codes[mode] !== undefined || codes.switchDigits[mode] !== undefined);
}
