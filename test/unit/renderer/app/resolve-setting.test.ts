import { describe, expect, it } from 'vitest';
import { resolveSetting } from '@renderer/app/resolve-setting';
import { parsePolicy, type Policy } from '@common/contract/policy';
import { systemLanguage } from '@renderer/app/bootstrap';

function policy(locked: string[]): Policy {
  const result = parsePolicy(
    { sip: { servers: ['wss://pbx.example'], uri: 'sip:1@pbx.example', password: 'x' }, ui: { language: 'zh-TW' }, locked },
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

describe('setting precedence', () => {
  it('the agent’s choice beats the policy value unless IT locked the key', () => {
    expect(resolveSetting(policy([]), 'ui.language', 'zh-TW', 'en')).toEqual({ value: 'en', locked: false });
    expect(resolveSetting(policy(['ui.language']), 'ui.language', 'zh-TW', 'en')).toEqual({ value: 'zh-TW', locked: true });
    expect(resolveSetting(policy([]), 'ui.language', 'zh-TW', undefined)).toEqual({ value: 'zh-TW', locked: false });
  });
  it('falls back to the system language, Traditional for Taiwan and Hong Kong', () => {
    expect(systemLanguage(['zh-HK'])).toBe('zh-TW');
    expect(systemLanguage(['zh-Hant-TW'])).toBe('zh-TW');
    expect(systemLanguage(['zh-CN'])).toBe('zh-CN');
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['fr-FR'])).toBe('zh-CN');
  });
});
