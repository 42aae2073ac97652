/**
 * Finds, merges and validates the policy. The machine policy (machine-sources.ts) is authoritative in a
 * packaged build; the user's (user-sources.ts) applies only where there is no machine policy, the machine
 * policy says `allowUserPolicy: true`, or the build is unpackaged (development). Then the user's document is
 * laid over the machine's, except that the machine's `locked` keys and `allowUserPolicy` keep the machine's
 * values (and `locked` is the union of both). A user file beside an authoritative machine policy is ignored
 * and said so in `sources`. Every applied document's signature is checked (policy-signature.ts).
 * Validation is the contract's parsePolicy, the code the browser host's renderer runs too.
 */
import type { PolicyLoadResult, PolicyProblem, PolicySource } from '@common/contract/policy';
import { parsePolicy } from '@common/contract/policy';
import { policySha256, POLICY_SIGNATURE_FIELD } from '@common/contract/policy-canonical';
import { readMachinePolicy, type MachinePolicy } from './machine-sources';
import { nodePolicyIo, type PolicyIo } from './policy-io';
import type { FoundDocument } from './policy-file';
import { MergedDocument, type JsonObject } from './policy-merge';
import { checkPolicySignature, signatureProblem } from './policy-signature';
import { readUserPolicy, type PolicyLocationInput } from './user-sources';

export { LINUX_SYSTEM_POLICY } from './machine-sources';
export { policyArgument, userPolicyCandidates, type PolicyLocationInput } from './user-sources';

export interface PolicyLoadInput extends PolicyLocationInput {
  /** app.isPackaged: only a packaged build makes the machine policy authoritative over the user's. */
  isPackaged: boolean;
  /** Files and tools; default node:fs and child_process. */
  io?: PolicyIo;
  /** The OS user, for per-user managed preferences on macOS. */
  userName?: string;
  /** The built-in policy signing public key (PEM), empty when the build has none. */
  signingKey?: string;
  /** false: read no machine source (npm run policy:check on one file). Default true. */
  machineSources?: boolean;
}

/** The result, and the merged document with where each value came from (npm run policy:check). */
export interface ResolvedPolicy {
  result: PolicyLoadResult;
  merged?: MergedDocument;
}

/** Label of a machine-locked value put back over the user's. */
const LOCKED_LABEL = 'machine policy (locked)';

function userAllowedBecause(machine: MachinePolicy, machineDocument: JsonObject, isPackaged: boolean): string | undefined {
  if (machine.documents.length === 0) return 'no machine policy';
  if (machineDocument.allowUserPolicy === true) return 'the machine policy says allowUserPolicy: true';
  return isPackaged ? undefined : 'development build (unpackaged)';
}

/** Lays the user's document over the machine's, keeping what the machine locked. */
function mergeUserDocument(merged: MergedDocument, machineDocument: JsonObject, user: FoundDocument): void {
  merged.add(user.document, user.location);
  const machineLocked = Array.isArray(machineDocument.locked) ? (machineDocument.locked as unknown[]) : [];
  for (const key of machineLocked) if (typeof key === 'string') merged.restore(key, machineDocument, LOCKED_LABEL);
  merged.restore('allowUserPolicy', machineDocument, LOCKED_LABEL);
  const userLocked = Array.isArray(user.document.locked) ? (user.document.locked as unknown[]) : [];
  if (machineLocked.length > 0) merged.document.locked = [...new Set([...machineLocked, ...userLocked])];
}

/** Loads the policy with the provenance of each value. Never throws: every failure is a problem. */
export async function resolvePolicy(input: PolicyLoadInput): Promise<ResolvedPolicy> {
  const io = input.io ?? nodePolicyIo;
  const machine: MachinePolicy =
    input.machineSources === false ? { documents: [], problems: [], locations: [] } : await readMachinePolicy(input.platform, input.env, io, input.userName);
  const sources: PolicySource[] = machine.documents.map((d) => ({ kind: 'machine', location: d.location, applied: true }));
  const fail = (source: string, problems: PolicyProblem[]): ResolvedPolicy => ({ result: { ok: false, source, problems, sources } });
  if (machine.problems.length > 0) return fail('machine policy', machine.problems);

  const merged = new MergedDocument();
  for (const document of machine.documents) merged.add(document.document, document.location);
  const machineDocument = structuredClone(merged.document);
  const applied = [...machine.documents];

  const user = await readUserPolicy(input, io);
  const allowedBecause = userAllowedBecause(machine, machineDocument, input.isPackaged);
  if (user.found) {
    const location = 'document' in user ? user.document.location : user.location;
    if (!allowedBecause) {
      sources.push({ kind: 'user', location, applied: false, note: 'ignored: the machine policy is authoritative (it does not say allowUserPolicy: true)' });
    } else if ('problem' in user) {
      return fail(location, [user.problem]);
    } else {
      sources.push({ kind: 'user', location, applied: true, ...(machine.documents.length > 0 ? { note: `laid over the machine policy: ${allowedBecause}` } : {}) });
      applied.push(user.document);
      mergeUserDocument(merged, machineDocument, user.document);
    }
  }
  if (applied.length === 0) {
    const tried = [...machine.locations, ...(user.found ? [] : user.locations)];
    return fail(tried[0] ?? '(none)', [{ path: '(file)', message: `no policy found; looked at ${tried.join(', ')}` }]);
  }
  for (const document of applied) {
    const problem = signatureProblem(checkPolicySignature(document.document, input.signingKey), machine.requireSignature);
    if (problem) return fail(document.location, [{ path: POLICY_SIGNATURE_FIELD, message: problem }]);
  }
  // Each document's signature is checked above; the merged one carries none.
  const { [POLICY_SIGNATURE_FIELD]: _signature, ...effective } = merged.document;
  const label = applied.map((d) => d.location).join(' + ');
  const parsed = parsePolicy(effective, label);
  if (!parsed.ok) return { result: { ...parsed, sources }, merged };
  return { result: { ...parsed, sources, sha256: await policySha256(effective) }, merged };
}

/** Loads the policy (resolvePolicy without the provenance). */
export async function loadPolicy(input: PolicyLoadInput): Promise<PolicyLoadResult> {
  return (await resolvePolicy(input)).result;
}

