import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHostSigner } from '@main/web-host/supervision-sign';
import { generateSupervisionKeyPair, importPublicKey, verifyClaim } from '@common/supervision/supervision-signing';

const request = (body: string) => Readable.from([Buffer.from(body)]) as unknown as IncomingMessage;
const policy = (role: 'lead' | 'agent') => JSON.stringify({ sip: { servers: ['ws://127.0.0.1:5066'], uri: 'sip:8003@127.0.0.1', password: 'p' }, supervision: { role } });

async function setUp(role: 'lead' | 'agent' = 'lead', withKey = true) {
  const dir = mkdtempSync(join(tmpdir(), 'lingxi-sign-'));
  const pair = await generateSupervisionKeyPair();
  const keyPath = join(dir, 'key.txt');
  if (withKey) writeFileSync(keyPath, `${pair.privateKey}\n`);
  const policyPath = join(dir, 'policy.json');
  writeFileSync(policyPath, policy(role));
  return { signer: createHostSigner(keyPath, policyPath), pair };
}

describe('the browser host signs for a lead whose key IT provisioned on the host', () => {
  it("signs in the policy's lead's name with a key that verifies; the page chooses only purpose, mode and call", async () => {
    const { signer, pair } = await setUp();
    const answer = await signer.handle(request(JSON.stringify({ purpose: 'invite', mode: 'listen', call: 'abc@host' })));
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body) as { ok: boolean; claim: Parameters<typeof verifyClaim>[2] };
    expect(result.ok).toBe(true);
    expect(result.claim).toMatchObject({ mode: 'listen', call: 'abc@host', lead: 'sip:8003@127.0.0.1' });
    expect(await verifyClaim(await importPublicKey(pair.publicKey), 'invite', result.claim)).toBe(true);
  });

  it('refuses what is not a sign request, or names another lead, and says why', async () => {
    const { signer } = await setUp();
    expect((await signer.handle(request('not json'))).status).toBe(400);
    const other = await signer.handle(request(JSON.stringify({ purpose: 'invite', mode: 'listen', call: 'c', lead: 'sip:9999@x' })));
    expect(other.status).toBe(400);
    expect((await signer.handle(request('x'.repeat(5000)))).status).toBe(413);
  });

  it('signs nothing when the policy is not a lead\'s, or the key file is missing', async () => {
    const agent = await setUp('agent');
    expect(JSON.parse((await agent.signer.handle(request(JSON.stringify({ purpose: 'invite', mode: 'listen', call: 'c' })))).body)).toMatchObject({ ok: false, error: 'not-lead' });
    const keyless = await setUp('lead', false);
    expect(JSON.parse((await keyless.signer.handle(request(JSON.stringify({ purpose: 'invite', mode: 'listen', call: 'c' })))).body)).toMatchObject({ ok: false, error: 'no-key' });
  });
});
