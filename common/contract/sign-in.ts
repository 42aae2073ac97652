/**
 * Agents who sign in (issue 21 §2): a machine policy names the servers and `sip.uriTemplate`, never a
 * personal credential; the agent's ID and password complete the `sip` section for this session only.
 * Pure (no DOM, no Node): the renderer's sign-in and main's remembered credentials both use it.
 */
import { z } from 'zod';
import type { Policy } from './policy';

/** An agent ID as the PBX knows it: the user part of the agent's SIP URI (no escaping needed). */
export const agentIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter your agent ID')
  .max(64, 'An agent ID has at most 64 characters')
  .regex(/^[A-Za-z0-9._~-]+$/, 'An agent ID has only letters, digits and . _ ~ -');

export const signInCredentialsSchema = z.strictObject({
  agentId: agentIdSchema,
  password: z.string().min(1).max(256),
});
export type SignInCredentials = z.infer<typeof signInCredentialsSchema>;

/** The `sip` section once the agent is known: who registers, with which password. */
export type SignedInSip = Policy['sip'] & { uri: string; password: string };
/** The policy the desk runs on: a fixed agent's policy as loaded, or a template policy after sign-in. */
export type DeskPolicy = Policy & { sip: SignedInSip };

/** True when this policy's agents sign in (it names `sip.uriTemplate`, no fixed agent). */
export function needsSignIn(policy: Policy): boolean {
  return policy.sip.uri === undefined && policy.sip.uriTemplate !== undefined;
}

/** The policy as it is when it names one fixed agent (no sign-in), else null. */
export function fixedAgentPolicy(policy: Policy): DeskPolicy | null {
  const { uri, password } = policy.sip;
  return uri !== undefined && password !== undefined ? { ...policy, sip: { ...policy.sip, uri, password } } : null;
}

/** Fills `{agentId}` into a template (the URI's user part, or the digest user name). */
export function fillAgentId(template: string, agentId: string): string {
  return template.replaceAll('{agentId}', agentId);
}

/**
 * The desk policy for an agent who signed in. `authorizationUser` may use `{agentId}` too.
 * @throws Error when the policy has no `sip.uriTemplate` (callers check needsSignIn first)
 */
export function signedInPolicy(policy: Policy, credentials: SignInCredentials): DeskPolicy {
  const template = policy.sip.uriTemplate;
  if (!template) throw new Error('the policy has no sip.uriTemplate: its agent does not sign in');
  const { authorizationUser } = policy.sip;
  return {
    ...policy,
    sip: {
      ...policy.sip,
      uri: fillAgentId(template, credentials.agentId),
      password: credentials.password,
      ...(authorizationUser ? { authorizationUser: fillAgentId(authorizationUser, credentials.agentId) } : {}),
    },
  };
}
