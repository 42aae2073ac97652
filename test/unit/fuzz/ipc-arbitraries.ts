/**
 * One arbitrary of valid arguments per IPC channel. Typed by the contract, so a channel added to
 * common/contract/ipc.ts without an entry here fails the type check, and ipc.fuzz.test.ts fails too.
 */
import fc from 'fast-check';
import { invokeChannels, logSources, secretNames, type InvokeArgs, type InvokeChannel } from '@common/contract/ipc';
import { deskAgentStates, deskRegistrations } from '@common/contract/desktop';
import { languages } from '@common/contract/policy';
import { logLevels } from '@common/logging/logger';
import { supervisionWireModes } from '@common/supervision/supervision-protocol';

type ChannelArbitraries = { [C in InvokeChannel]: fc.Arbitrary<InvokeArgs<C>> };

const none = fc.constant([] as []);
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
const reasonCode = text(1, 64);
const nat = fc.nat({ max: 2 ** 40 });
const finite = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });

const recordingCache = fc.record({
  recordings: nat,
  byState: fc.dictionary(text(0, 20), nat, { maxKeys: 4 }),
  audioBytes: finite,
  pendingBytes: finite,
  limitBytes: fc.option(finite, { nil: null }),
  level: fc.option(text(0, 10), { nil: null }),
  chunks: nat,
  audioDeleted: nat,
  oldestStartedAt: fc.option(nat, { nil: null }),
  newestStartedAt: fc.option(nat, { nil: null }),
  problem: fc.option(text(0, 200), { nil: null }),
  keyWeak: fc.boolean(),
  storagePersistent: fc.option(fc.boolean(), { nil: null }),
  storageUsageBytes: fc.option(finite, { nil: null }),
  storageQuotaBytes: fc.option(finite, { nil: null }),
});

const diagnostics = fc.record({
  registration: fc.array(fc.record({ at: nat, state: text(0, 40), reason: text(0, 40), server: text(0, 300) }, { requiredKeys: ['at', 'state'] }), { maxLength: 5 }),
  calls: fc.array(
    fc.record({ startedAt: nat, endedAt: nat, direction: text(0, 20), outcome: text(0, 40), sipResponse: text(0, 200), durationMs: finite }),
    { maxLength: 3 },
  ),
  audioDevices: fc.array(fc.record({ kind: fc.constantFrom('audioinput' as const, 'audiooutput' as const), label: text(0, 300), deviceIdHash: text(0, 16), groupIdHash: text(0, 16) }), { maxLength: 3 }),
  deviceRoles: fc.dictionary(text(0, 20), fc.record({ how: text(0, 40), deviceIdHash: fc.option(text(0, 16), { nil: null }) }), { maxKeys: 3 }),
  devicePermission: text(0, 20),
  recordingCache,
  page: fc.dictionary(text(0, 40), fc.oneof(text(0, 500), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
});

export const channelArbitraries: ChannelArbitraries = {
  'policy:load': none,
  'policy:check': none,
  'power:set-call-active': fc.tuple(fc.boolean()),
  'shell:open-external': fc.tuple(fc.webUrl({ validSchemes: ['https'] }).filter((url) => url.length <= 2048)),
  'log:write': fc.tuple(
    fc.record({ source: fc.constantFrom(...logSources), level: fc.constantFrom(...logLevels), scope: text(1, 40), message: text(0, 4000), error: text(0, 2000) }, { requiredKeys: ['level', 'scope', 'message'] }),
  ),
  'app:quit-ready': none,
  'shortcuts:status': none,
  'secrets:set': fc.tuple(fc.constantFrom(...secretNames), fc.option(text(1, 8192), { nil: null })),
  'crm:lookup': fc.tuple(fc.record({ customerId: text(0, 256), phone: text(0, 64) }, { requiredKeys: [] })),
  'recording:take-key': none,
  'knowledge:read-package': none,
  'speech:endpoint': none,
  'supervision:sign': fc.tuple(fc.record({ purpose: fc.constantFrom('invite' as const, 'mode' as const), mode: fc.constantFrom(...supervisionWireModes), call: text(1, 256) })),
  'updates:desk-busy': fc.tuple(fc.record({ inCall: fc.boolean(), wrapUp: fc.boolean(), recordingsPending: fc.boolean() })),
  'desktop:status': fc.tuple(
    fc.record({
      agent: fc.constantFrom(...deskAgentStates),
      next: fc.oneof(fc.constant({ kind: 'ready' as const }), reasonCode.map((reason) => ({ kind: 'not-ready' as const, reason }))),
      held: fc.boolean(),
      registration: fc.constantFrom(...deskRegistrations),
      ringing: fc.boolean(),
      language: fc.constantFrom(...languages),
      reasons: fc.array(fc.record({ code: reasonCode, label: text(1, 80) }), { maxLength: 5 }),
    }),
  ),
  'updates:status': none,
  'signin:signed-in': fc.tuple(fc.record({ agentId: fc.stringMatching(/^[A-Za-z0-9._~-]{1,64}$/), password: text(1, 256) }), fc.boolean()),
  'signin:remembered': none,
  'signin:signed-out': none,
  'diagnostics:export': fc.tuple(diagnostics),
  'dial:ready': none,
};

/** The channels of the contract, from the contract itself. */
export const contractChannels = Object.keys(invokeChannels) as InvokeChannel[];
