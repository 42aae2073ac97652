/**
 * The lead's signer, as the host runs it: Electron main (the private key read from the OS secret store,
 * never handed to the page) or the browser host (the key held in the page's memory for the session). The
 * page asks for a purpose, a mode and the target call; the signer adds the lead's own URI from the policy in
 * force, the time and a nonce, so a page cannot have a claim signed in another lead's name or back-dated.
 */
import { z } from 'zod';
import { supervisionWireModes, type SignedSupervisionClaim } from './supervision-protocol';
import { importPrivateKey, newNonce, signClaim, type CryptoKey } from './supervision-signing';

export const supervisionSignRequestSchema = z.strictObject({
  purpose: z.enum(['invite', 'mode']),
  mode: z.enum(supervisionWireModes),
  /** The SIP Call-ID of the agent's customer call. */
  call: z.string().min(1).max(256),
});
export type SupervisionSignRequest = z.infer<typeof supervisionSignRequestSchema>;

/**
 * A signed claim, or why there is none: `no-key` (no private key stored: the lead is asked for it),
 * `bad-key` (what is stored is not an Ed25519 key), `not-lead` (no valid policy with `role: "lead"`).
 */
export type SupervisionSignResult = { ok: true; claim: SignedSupervisionClaim } | { ok: false; error: 'no-key' | 'bad-key' | 'not-lead'; message: string };

export interface SupervisionSignerDeps {
  /** The stored private key (base64 PKCS#8), or null. */
  privateKey(): Promise<string | null>;
  /** The lead's own SIP URI when the policy in force makes this desktop a lead; undefined otherwise. */
  leadUri(): string | undefined;
  now?: () => number;
}

/** Creates the signer; the imported key is kept (non-extractable) until forget() (a new key was stored). */
export function createSupervisionSigner(deps: SupervisionSignerDeps): { sign(request: SupervisionSignRequest): Promise<SupervisionSignResult>; forget(): void } {
  let held: { text: string; key: CryptoKey } | undefined;
  const now = deps.now ?? Date.now;
  return {
    async sign(request) {
      const lead = deps.leadUri();
      if (!lead) return { ok: false, error: 'not-lead', message: 'this desktop is not a team lead (policy supervision.role is not "lead")' };
      const text = await deps.privateKey();
      if (!text) return { ok: false, error: 'no-key', message: 'no supervision private key is stored on this desktop' };
      try {
        if (held?.text !== text) held = { text, key: await importPrivateKey(text) };
      } catch (error) {
        return { ok: false, error: 'bad-key', message: (error as Error).message };
      }
      const claim = await signClaim(held.key, request.purpose, { mode: request.mode, call: request.call, lead, ts: now(), nonce: newNonce() });
      return { ok: true, claim };
    },
    forget() {
      held = undefined;
    },
  };
}
