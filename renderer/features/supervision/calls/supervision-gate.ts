/**
 * The agent's gatekeeper (issue 20 §4): a supervision request is accepted only when every check holds, in
 * this order: it parses; the caller (P-Asserted-Identity where the proxy set it, else From) is one of
 * `supervision.leads`; the claim names that same lead; its timestamp is within `maxClockSkewSeconds`; the
 * Ed25519 signature verifies with that lead's public key; its nonce was never seen (a replay); and, for an
 * INVITE, the agent has the call it names. A mode switch must also come from the lead supervising this
 * leg, about this leg's call. No JsSIP here: the caller passes header values in.
 */
import type { SupervisionPolicy } from '@common/contract/policy-supervision';
import {
  parseModeSwitchBody,
  parseSupervisionHeader,
  sameSipAddress,
  type ParseResult,
  type SignedSupervisionClaim,
  type SupervisionPurpose,
} from '@common/supervision/supervision-protocol';
import { importPublicKey, verifyClaim } from '@common/supervision/supervision-signing';

export type Lead = SupervisionPolicy['leads'][number];

/** Why a request was refused: the IT log line names it. */
export type RefusalReason = 'malformed' | 'unknown-lead' | 'lead-mismatch' | 'expired' | 'bad-signature' | 'replayed' | 'no-such-call' | 'not-supervising-lead';

export type GateResult = { ok: true; claim: SignedSupervisionClaim; lead: Lead } | { ok: false; reason: RefusalReason; detail: string };

/** Who sent the request, as the SIP headers say. */
export interface Caller {
  from: string;
  assertedIdentity?: string;
}

export interface GateDeps {
  policy(): Pick<SupervisionPolicy, 'leads' | 'maxClockSkewSeconds'>;
  /** Whether the agent has a call in progress with this SIP Call-ID. */
  hasCall(sipCallId: string): boolean;
  now?: () => number;
}

/** The supervision leg a mode switch must belong to. */
export interface SupervisedLeg {
  lead: Lead;
  call: string;
}

export class SupervisionGate {
  /** Nonces of accepted requests, with the time after which the timestamp check refuses them anyway. */
  private readonly seen = new Map<string, number>();
  private readonly keys = new Map<string, Promise<CryptoKey>>();
  private readonly now: () => number;

  constructor(private readonly deps: GateDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Checks the X-Lingxi-Supervision header of an INVITE. */
  checkInvite(header: string | undefined, caller: Caller): Promise<GateResult> {
    const parsed: ParseResult<SignedSupervisionClaim> = header ? parseSupervisionHeader(header) : { ok: false, error: 'no supervision header' };
    return this.check('invite', parsed, caller, (claim) =>
      this.deps.hasCall(claim.call) ? null : refuse('no-such-call', `no call ${claim.call} to supervise`),
    );
  }

  /** Checks a mode-switch INFO body received in the supervision leg `leg`. */
  checkModeSwitch(body: string, caller: Caller, leg: SupervisedLeg | undefined): Promise<GateResult> {
    return this.check('mode', parseModeSwitchBody(body), caller, (claim, lead) => {
      if (!leg) return refuse('not-supervising-lead', 'a mode switch outside a supervision leg');
      if (!sameSipAddress(lead.uri, leg.lead.uri)) return refuse('not-supervising-lead', `${lead.uri} is not the lead supervising (${leg.lead.uri})`);
      if (claim.call !== leg.call) return refuse('not-supervising-lead', `the switch names call ${claim.call}, not the supervised ${leg.call}`);
      return null;
    });
  }

  private async check(
    purpose: SupervisionPurpose,
    parsed: ParseResult<SignedSupervisionClaim>,
    caller: Caller,
    extra: (claim: SignedSupervisionClaim, lead: Lead) => GateResult | null,
  ): Promise<GateResult> {
    if (!parsed.ok) return refuse('malformed', parsed.error);
    const claim = parsed.value;
    const identity = caller.assertedIdentity || caller.from;
    const { leads, maxClockSkewSeconds } = this.deps.policy();
    const lead = leads.find((candidate) => sameSipAddress(candidate.uri, identity));
    if (!lead) return refuse('unknown-lead', `${identity || '(no identity)'} is not in supervision.leads`);
    if (!sameSipAddress(claim.lead, lead.uri)) return refuse('lead-mismatch', `signed for ${claim.lead}, sent by ${lead.uri}`);
    const now = this.now();
    const skewMs = maxClockSkewSeconds * 1000;
    if (Math.abs(now - claim.ts) > skewMs) return refuse('expired', `timestamp ${new Date(claim.ts).toISOString()} is more than ${maxClockSkewSeconds} s from now`);
    if (!(await verifyClaim(await this.publicKey(lead.publicKey), purpose, claim))) return refuse('bad-signature', `signature does not verify with ${lead.uri}'s public key`);
    this.prune(now);
    if (this.seen.has(claim.nonce)) return refuse('replayed', `nonce ${claim.nonce} was already used`);
    const refused = extra(claim, lead);
    if (refused) return refused;
    this.seen.set(claim.nonce, claim.ts + skewMs);
    return { ok: true, claim, lead };
  }

  private publicKey(raw: string): Promise<CryptoKey> {
    let key = this.keys.get(raw);
    if (!key) {
      key = importPublicKey(raw);
      this.keys.set(raw, key);
    }
    return key;
  }

  private prune(now: number): void {
    for (const [nonce, expires] of this.seen) if (expires < now) this.seen.delete(nonce);
  }
}

function refuse(reason: RefusalReason, detail: string): GateResult & { ok: false } {
  return { ok: false, reason, detail };
}
