/** The call's transcription language from the IVR header or the profile, within what the policy allows. */
import { describe, expect, it } from 'vitest';
import { callLanguage } from '@renderer/features/assist/transcription/language';

describe('callLanguage', () => {
  const allowed = ['en-US', 'zh-CN'];

  it('takes the X-Language header first, in the forms IVRs write it', () => {
    for (const header of ['zh-CN', 'cmn', 'Mandarin', 'zh', 'zh_Hans', 'ZH-cn']) expect(callLanguage(allowed, [header, 'en']), header).toBe('zh-CN');
    expect(callLanguage(allowed, ['en-GB', 'zh'])).toBe('en-US');
  });

  it('falls back to the profile’s language, then to the policy’s first language', () => {
    expect(callLanguage(allowed, [undefined, 'cmn'])).toBe('zh-CN');
    expect(callLanguage(allowed, ['yue', ' '])).toBe('en-US');
    expect(callLanguage(['zh-CN', 'en-US'], [])).toBe('zh-CN');
  });

  it('maps Cantonese and Traditional Chinese to the closest language the policy allows', () => {
    expect(callLanguage(['en-US', 'yue-HK', 'zh-CN'], ['zh-HK'])).toBe('yue-HK');
    expect(callLanguage(['en-US', 'zh-TW'], ['zh'])).toBe('zh-TW');
  });
});
