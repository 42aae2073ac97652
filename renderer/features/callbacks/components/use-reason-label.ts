import type { Language } from '@common/contract/policy';
import { labelOf } from '../../agent';
import { useAppStore } from '../../../platform/store';

/** The label of a `callbacks.reasons` code in the UI language. */
export function useReasonLabel(): (code: string) => string {
  const reasons = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.callbacks.reasons : []));
  const language = useAppStore((s) => s.language) as Language;
  return (code) => labelOf(reasons, code, language);
}
