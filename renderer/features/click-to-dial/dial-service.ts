/**
 * Click-to-dial: a request from the host (tel:/sip:/callto: link, `?dial=`, the clipboard on the dial key) is
 * checked against the policy and shown in the Dial dialog (`dial.confirm`), or dialled at once. Never during a
 * call: then the dialog offers hold-and-dial, which the agent must choose.
 */
import type { LingxiApi } from '@common/contract/api';
import type { DialRequest } from '@common/contract/dial-request';
import type { DialPolicy } from '@common/contract/policy-dial';
import { checkDial } from '@common/dial/dial-check';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import { selectCurrentCall, type CallLifecycle, type ConsultResult, type DialResult, type PhoneSlice } from '../phone';
import type { ClickToDialSlice, DialPrompt, PromptDecision } from './dial-slice';

const log = createLogger('dial');
/** The far end's IVR needs a moment after answering before it listens for the extension's digits. */
export const EXTENSION_DELAY_MS = 1500;

/** What the phone is doing, as click-to-dial sees it: free, one connected call (hold-and-dial possible), or busy. */
export type DialSituation = 'idle' | 'in-call' | 'busy';

export function dialSituation(phone: PhoneSlice): DialSituation {
  const calls = phone.calls.filter((c) => c.phase !== 'ended');
  if (calls.length === 0) return 'idle';
  const current = selectCurrentCall(phone);
  return calls.length === 1 && current?.phase === 'active' && !current.conferenceId ? 'in-call' : 'busy';
}

type Store = { getState(): PhoneSlice & ClickToDialSlice };

/** The phone's commands click-to-dial uses (phone's own, handed over by bootstrap; tests give fakes). */
export interface DialCommands {
  dial(target: string): Promise<DialResult>;
  holdAndDial(callId: string, target: string): Promise<ConsultResult>;
  sendDtmf(callId: string, tones: string): void;
}

export interface ClickToDialDeps {
  host: { dial: Pick<LingxiApi['dial'], 'onRequest'> };
  lifecycle: CallLifecycle;
  phone: DialCommands;
  /** The customer's name if the CRM cache knows the number (screenpop), else undefined. */
  customerName(number: string): Promise<string | undefined>;
}

export interface ClickToDial {
  /** The dialog's Call (or Hold and call) button. */
  confirm(): Promise<void>;
  /** The dialog's Cancel button, or Escape. */
  cancel(): void;
}

function decide(request: DialRequest, policy: DialPolicy): PromptDecision {
  if (request.problem) return { ok: false, refusal: { kind: 'request', problem: request.problem } };
  return checkDial(request.text, policy);
}

let active: ClickToDial | null = null;

/** The running click-to-dial (null before a valid policy): the dialog's buttons call it. */
export function clickToDial(): ClickToDial | null {
  return active;
}

/** Subscribes to the host's dial requests for the app's lifetime; returns the stop function. */
export function startClickToDial(policy: DialPolicy, store: Store, { host, lifecycle, phone: commands, customerName }: ClickToDialDeps): () => void {
  let nextId = 0;
  // The extension to key in once this call is answered.
  let pendingExtension: { callId: string; digits: string } | undefined;

  const stopLifecycle = lifecycle.subscribe((event) => {
    if (event.call.id !== pendingExtension?.callId) return;
    if (event.type === 'answered') {
      const { callId, digits } = pendingExtension;
      setTimeout(() => commands.sendDtmf(callId, digits), EXTENSION_DELAY_MS);
    }
    if (event.type === 'answered' || event.type === 'ended') pendingExtension = undefined;
  });

  /** Places the call: straight, or with the connected call put on hold. @returns the phone's error code, if any. */
  const place = async (decision: Extract<PromptDecision, { ok: true }>): Promise<string | undefined> => {
    const phone = store.getState();
    const situation = dialSituation(phone);
    const current = selectCurrentCall(phone);
    if (situation === 'busy') return 'dialer.error.busy';
    const result = situation === 'in-call' && current ? await commands.holdAndDial(current.id, decision.dialString) : await commands.dial(decision.dialString);
    if (!result.ok) return result.error === 'not-active' ? 'dialer.error.busy' : `dialer.error.${result.error}`;
    if (decision.extension) pendingExtension = { callId: result.callId, digits: decision.extension };
    log.info(`dialled (${decision.kind}${decision.extension ? ', with extension' : ''})`);
    return undefined;
  };

  const show = (prompt: DialPrompt) => {
    store.getState().setDialPrompt(prompt);
    const { decision } = prompt;
    if (!decision.ok) return;
    drop(
      customerName(decision.number).then((name) => {
        if (name) store.getState().patchDialPrompt(prompt.id, { customerName: name });
      }),
      log,
      'customer name lookup',
    );
  };

  const onRequest = (request: DialRequest) => {
    const decision = decide(request, policy);
    const id = ++nextId;
    log.info(`dial request from ${request.source}: ${decision.ok ? 'dialable' : `refused (${decision.refusal.kind})`}`);
    // Without confirmation only a free phone dials at once; during a call the agent is always asked.
    if (decision.ok && !policy.confirm && dialSituation(store.getState()) === 'idle') {
      drop(
        place(decision).then((error) => {
          if (error) show({ id, source: request.source, decision, dialling: false, error });
        }),
        log,
        'dial',
      );
      return;
    }
    show({ id, source: request.source, decision, dialling: false });
  };

  const stopRequests = host.dial.onRequest(onRequest);
  active = {
    async confirm() {
      const prompt = store.getState().dialPrompt;
      if (!prompt?.decision.ok || prompt.dialling) return;
      store.getState().patchDialPrompt(prompt.id, { dialling: true });
      const error = await place(prompt.decision);
      if (error) store.getState().patchDialPrompt(prompt.id, { dialling: false, error });
      else if (store.getState().dialPrompt?.id === prompt.id) store.getState().setDialPrompt(null);
    },
    cancel() {
      store.getState().setDialPrompt(null);
    },
  };
  return () => {
    stopRequests();
    stopLifecycle();
    active = null;
  };
}
