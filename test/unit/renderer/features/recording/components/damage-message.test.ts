import { describe, expect, it } from 'vitest';
import { damageMessageKey } from '@renderer/features/recording/components/use-recording-player';
import { recordingMessages } from '@renderer/features/recording/messages';

describe('what a damaged recording says', () => {
  it('names a broken chunk for a chunk verdict and a broken end record for a seal verdict', () => {
    for (const reason of ['missing', 'reordered', 'altered', 'decrypt-failed']) expect(damageMessageKey(reason)).toBe('recording.damagedAt');
    for (const reason of ['truncated', 'unsealed', 'seal-invalid']) expect(damageMessageKey(reason)).toBe('recording.damagedSeal');
    expect(recordingMessages.en.recording.damagedSeal).toMatch(/cut short or its end record was edited or removed/);
    expect(recordingMessages['zh-CN'].recording.damagedSeal).toContain('结束记录');
    expect(recordingMessages['zh-TW'].recording.damagedSeal).toContain('結束記錄');
  });
});
