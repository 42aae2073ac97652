import { describe, expect, it } from 'vitest';
import { assistPolicySchema } from '@common/contract/policy-assist';
import { assistVocabulary } from '@renderer/features/assist/analysis';

describe('assistVocabulary', () => {
  it('gives the speech engine the rules’ phrases and the PCI triggers, once each, within the protocol’s limits', () => {
    const assist = assistPolicySchema.parse({
      keywords: {
        rules: [
          { id: 'a', leg: 'customer', kind: 'alert', phrases: ['complaint', 'regulator'], label: { en: 'Sensitive' } },
          { id: 'b', leg: 'agent', kind: 'warning', phrases: ['calm down', 'complaint'], label: { en: 'Phrasing' } },
        ],
      },
    });
    const words = assistVocabulary(assist);
    expect(words).toEqual(expect.arrayContaining(['complaint', 'regulator', 'calm down', 'card number', '卡号']));
    expect(words.filter((w) => w === 'complaint')).toHaveLength(1);
    expect(words.every((w) => w.length <= 100)).toBe(true);
  });
});
