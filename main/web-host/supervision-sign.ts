/**
 * The browser host's signer for a team lead whose private key IT provisioned on the machine that runs the
 * host (`npm run web -- --supervision-key <file>`, the base64 PKCS#8 key `npm run supervision:keygen`
 * prints): the page POSTs what it wants signed to SUPERVISION_SIGN_PATH (with this launch's token) and gets
 * the signed claim back, as Electron's main signs for its page. The key never reaches the page; the lead's
 * URI comes from the policy file in force, the time and nonce from here (createSupervisionSigner).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { parsePolicy } from '@common/contract/policy';
import { createSupervisionSigner, supervisionSignRequestSchema, type SupervisionSignResult } from '@common/supervision/supervision-signer';

export const SUPERVISION_SIGN_PATH = '/supervision/sign';
/** A sign request is a few hundred bytes; anything much larger is refused unread. */
const MAX_BODY = 4096;

export interface HostSigner {
  /** Status and JSON body of the answer to one POST. */
  handle(req: IncomingMessage): Promise<{ status: number; body: string }>;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The host's signer over the key file and the policy file (both read fresh, so IT can replace them). */
export function createHostSigner(keyPath: string, policyPath: string): HostSigner {
  let leadUri: string | undefined;
  const signer = createSupervisionSigner({
    privateKey: async () => (await readFile(keyPath, 'utf8').catch(() => '')).trim() || null,
    leadUri: () => leadUri,
  });
  return {
    async handle(req) {
      const text = await readBody(req);
      if (text === null) return { status: 413, body: JSON.stringify({ error: `a sign request is at most ${MAX_BODY} bytes` }) };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { status: 400, body: JSON.stringify({ error: 'the sign request is not JSON' }) };
      }
      const request = supervisionSignRequestSchema.safeParse(json);
      if (!request.success) return { status: 400, body: JSON.stringify({ error: `not a sign request: ${request.error.issues[0]?.message ?? 'invalid'}` }) };
      const policy = parsePolicy(await readFile(policyPath, 'utf8').catch(() => ''), policyPath);
      leadUri = policy.ok && policy.policy.supervision.role === 'lead' ? policy.policy.sip.uri : undefined;
      const result: SupervisionSignResult = await signer.sign(request.data);
      return { status: 200, body: JSON.stringify(result) };
    },
  };
}
