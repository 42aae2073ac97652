import { describe, expect, it } from 'vitest';
import { isGreeting, utteranceRole, withoutGreeting } from '@renderer/features/assist/analysis/utterance-role';

describe('utteranceRole', () => {
  it('tells a request from a greeting or filler and from a plain statement, in English and Chinese', () => {
    const roles = (texts: string[]) => texts.map(utteranceRole);
    expect(roles(['I lost my credit card yesterday, can you block it please', 'I need a temporary increase', '我的信用卡昨天丢了，帮我挂失一下', '能不能做账单分期', '要怎麼掛失'])).toEqual([
      'request', 'request', 'request', 'request', 'request',
    ]);
    expect(roles(['Hello, yes.', 'Hello. Yes. Hi.', 'Okay, thanks a lot.', '喂，你好。', '好的，谢谢。', '嗯', '', 'thank you so much'])).toEqual([
      'filler', 'filler', 'filler', 'filler', 'filler', 'filler', 'filler', 'filler',
    ]);
    expect(roles(['John Miller, fourth of March nineteen eighty', '张伟，一一零九。', 'Four five three two.', '7712'])).toEqual(['statement', 'statement', 'statement', 'statement']);
  });

  it('needs no punctuation (ASR finals often have none)', () => {
    expect(utteranceRole('hello yes i lost my card can you block it')).toBe('request');
    expect(utteranceRole('hello yes')).toBe('filler');
  });
});

describe('withoutGreeting and isGreeting', () => {
  it('cuts greeting and filler clauses before the content, and empties a greeting throughout', () => {
    expect(withoutGreeting('Hello, yes, I lost my card.')).toBe('I lost my card.');
    expect(withoutGreeting('喂，你好，我的信用卡昨天丢了。')).toBe('我的信用卡昨天丢了。');
    expect(withoutGreeting('Hello, yes.')).toBe('');
    expect(withoutGreeting('I lost my card, thanks.')).toBe('I lost my card, thanks.');
  });

  it('knows the agent’s opening and closing lines', () => {
    expect(isGreeting('Thank you for calling the credit card centre, my name is Emma.')).toBe(true);
    expect(isGreeting('您好，信用卡中心，很高兴为您服务。')).toBe(true);
    expect(isGreeting('I have blocked the card.')).toBe(false);
  });
});
