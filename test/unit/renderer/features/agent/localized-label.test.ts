import { describe, expect, it } from 'vitest';
import { labelOf, localize } from '@renderer/features/agent/localized-label';

describe('policy labels', () => {
  it('uses the UI language, else the other Chinese, else English (or Chinese for English)', () => {
    expect(localize({ 'zh-CN': '午餐', 'zh-TW': '午餐(繁)', en: 'Lunch' }, 'zh-TW')).toBe('午餐(繁)');
    expect(localize({ 'zh-CN': '午餐', en: 'Lunch' }, 'zh-TW')).toBe('午餐');
    expect(localize({ 'zh-TW': '會議', en: 'Meeting' }, 'zh-CN')).toBe('會議');
    expect(localize({ en: 'Meeting' }, 'zh-CN')).toBe('Meeting');
    expect(localize({ 'zh-TW': '會議' }, 'en')).toBe('會議');
  });
  it('shows a code the policy no longer lists as the code itself', () => {
    const entries = [{ code: 'break', label: { en: 'Break' } }];
    expect(labelOf(entries, 'break', 'en')).toBe('Break');
    expect(labelOf(entries, 'gone', 'en')).toBe('gone');
  });
});
