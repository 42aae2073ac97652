import { describe, expect, it } from 'vitest';
import { supervisionPolicySchema } from '@common/contract/policy-supervision';

const key = Buffer.alloc(32, 7).toString('base64');

describe('supervision policy', () => {
  it('defaults to an agent with no leads: nobody may watch or supervise', () => {
    const policy = supervisionPolicySchema.parse(undefined);
    expect(policy).toMatchObject({ role: 'agent', team: [], leads: [], refreshSeconds: 60, notifyAgent: 'whisper-and-barge' });
    expect(policy.featureCodes).toBeUndefined();
  });

  it('takes a lead with a team and an agent with a lead key', () => {
    const policy = supervisionPolicySchema.parse({
      role: 'lead',
      team: [{ uri: 'sip:1001@pbx.bank.example', name: '王芳' }],
      leads: [{ uri: 'sip:1900@pbx.bank.example', publicKey: key }],
      featureCodes: { listen: '*222{extension}', switchDigits: { whisper: '4' } },
    });
    expect(policy.team[0]?.name).toBe('王芳');
    expect(policy.featureCodes?.switchDigits.whisper).toBe('4');
  });

  it('says what is wrong with a key, a URI or a dial template', () => {
    const result = supervisionPolicySchema.safeParse({
      leads: [{ uri: '1900', publicKey: 'secret' }],
      featureCodes: { listen: '*222' },
    });
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^leads\.0\.uri: must be a SIP URI/),
        expect.stringMatching(/^leads\.0\.publicKey: must be a base64 Ed25519 public key/),
        expect.stringMatching(/^featureCodes\.listen: must be digits, \* # \+ and one \{extension\}/),
      ]),
    );
  });
});
