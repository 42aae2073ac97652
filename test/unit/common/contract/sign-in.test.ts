import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '@common/contract/policy';
import { agentIdSchema, fixedAgentPolicy, needsSignIn, signedInPolicy } from '@common/contract/sign-in';

const servers = ['wss://pbx.bank.example:7443'];
function parse(sip: Record<string, unknown>) {
  return parsePolicy({ sip: { servers, ...sip } }, 'test');
}
function valid(sip: Record<string, unknown>): Policy {
  const result = parse(sip);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

describe('who the agent is: sip.uri + sip.password, or sip.uriTemplate', () => {
  it('accepts a fixed agent and a template, and says what is wrong with every other mix', () => {
    expect(parse({ uri: 'sip:1001@pbx', password: 'x' }).ok).toBe(true);
    expect(parse({ uriTemplate: 'sip:{agentId}@pbx.bank.example' }).ok).toBe(true);
    const problems = (sip: Record<string, unknown>) => {
      const result = parse(sip);
      return result.ok ? [] : result.problems;
    };
    expect(problems({})).toEqual([expect.objectContaining({ path: 'sip.uriTemplate', message: expect.stringContaining('name the agent') })]);
    expect(problems({ uri: 'sip:1001@pbx' })).toEqual([expect.objectContaining({ path: 'sip.password' })]);
    expect(problems({ uri: 'sip:1001@pbx', password: 'x', uriTemplate: 'sip:{agentId}@pbx' })).toEqual([
      expect.objectContaining({ path: 'sip.uriTemplate', message: expect.stringContaining('not both') }),
    ]);
    expect(problems({ uriTemplate: 'sip:{agentId}@pbx', password: 'shared' })).toEqual([
      expect.objectContaining({ path: 'sip.password', message: expect.stringContaining('each agent signs in') }),
    ]);
    expect(problems({ uriTemplate: 'sip:agent@pbx' })).toEqual([expect.objectContaining({ path: 'sip.uriTemplate', message: expect.stringContaining('{agentId}') })]);
    expect(problems({ uriTemplate: 'sip:a@{agentId}' })).toEqual([expect.objectContaining({ path: 'sip.uriTemplate' })]);
  });

  it('a template policy needs sign-in; the signed-in policy names the agent, digest user included', () => {
    const template = valid({ uriTemplate: 'sip:{agentId}@pbx.bank.example', authorizationUser: 'cc-{agentId}', rememberPassword: true });
    expect(needsSignIn(template)).toBe(true);
    expect(fixedAgentPolicy(template)).toBeNull();
    const desk = signedInPolicy(template, { agentId: 'A7731', password: 'pw' });
    expect(desk.sip).toMatchObject({ uri: 'sip:A7731@pbx.bank.example', password: 'pw', authorizationUser: 'cc-A7731', rememberPassword: true });
    expect(template.sip.uri).toBeUndefined();

    const fixed = valid({ uri: 'sip:1001@pbx', password: 'x' });
    expect(needsSignIn(fixed)).toBe(false);
    expect(fixedAgentPolicy(fixed)?.sip).toMatchObject({ uri: 'sip:1001@pbx', password: 'x' });
    expect(() => signedInPolicy(fixed, { agentId: 'A1', password: 'p' })).toThrow(/uriTemplate/);
  });

  it('an agent ID is a plain SIP user part: no @, spaces, colons or template braces', () => {
    expect(agentIdSchema.safeParse(' A7731 ').data).toBe('A7731');
    for (const bad of ['', 'a@b', 'a b', 'sip:1', '{agentId}', 'x'.repeat(65)]) expect(agentIdSchema.safeParse(bad).success, bad).toBe(false);
  });
});
