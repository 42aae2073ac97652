/**
 * The caller simulator: one JsSIP UA registered as 9001 (the demo policy trusts its CTI headers, as the
 * bank's IVR). Call places the picked scenario's call to the demo agent with its X-* headers and plays the
 * customer's recorded speech (or the person's microphone) into the call once the agent answers.
 */
import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { Scenario } from '../scenarios';

interface CallerConfig {
  wsUrl: string;
  user: string;
  password: string;
  agent: string;
  scenarios: (Scenario & { audio: string | null })[];
  speechUnavailable?: string;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`caller page: #${id} missing`);
  return element as T;
};
const select = $<HTMLSelectElement>('scenario');
const mic = $<HTMLInputElement>('mic');
const callButton = $<HTMLButtonElement>('call');
const hangupButton = $<HTMLButtonElement>('hangup');
const status = $<HTMLParagraphElement>('status');
const remote = $<HTMLAudioElement>('remote');

function show(state: string, text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

let session: RTCSession | undefined;

/** The customer's audio for the call; `start(onEnd)` plays the recorded speech and calls onEnd when it is over. */
async function customerStream(scenario: CallerConfig['scenarios'][number]): Promise<{ stream: MediaStream; start: (onEnd: () => void) => void }> {
  if (mic.checked || !scenario.audio) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    return { stream, start: () => undefined };
  }
  const context = new AudioContext({ sampleRate: 48000 });
  const buffer = await context.decodeAudioData(await (await fetch(scenario.audio)).arrayBuffer());
  const destination = context.createMediaStreamDestination();
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(destination);
  return {
    stream: destination.stream,
    start: (onEnd) => {
      source.addEventListener('ended', onEnd);
      source.start();
    },
  };
}

async function call(config: CallerConfig, ua: UA): Promise<void> {
  const scenario = config.scenarios.find((s) => s.id === select.value);
  if (!scenario) return;
  callButton.disabled = true;
  const { stream, start } = await customerStream(scenario);
  show('calling', `Calling the agent as ${scenario.displayName}…`);
  session = ua.call(`sip:${config.agent}@127.0.0.1`, {
    mediaStream: stream,
    extraHeaders: scenario.headers,
    fromDisplayName: scenario.displayName,
    pcConfig: { iceServers: [] },
  } as Parameters<UA['call']>[1]);
  hangupButton.disabled = false;
  session.on('progress', () => show('ringing', 'Ringing at the agent’s desk…'));
  session.on('confirmed', () => {
    show('talking', `In call: ${scenario.displayName} is speaking`);
    start(() => {
      if (session) show('spoken', `In call: ${scenario.displayName} has said everything; hang up when you are done`);
    });
  });
  session.connection?.addEventListener('track', (event) => {
    remote.srcObject = event.streams[0] ?? new MediaStream([event.track]);
  });
  const ended = (text: string) => {
    show('ended', text);
    stream.getTracks().forEach((track) => track.stop());
    session = undefined;
    callButton.disabled = false;
    hangupButton.disabled = true;
  };
  session.on('ended', () => ended('Call ended. Pick a customer to call again.'));
  session.on('failed', (e) => ended(`Call failed: ${e.cause}`));
}

async function main(): Promise<void> {
  const config = (await (await fetch('./config.json', { cache: 'no-store' })).json()) as CallerConfig;
  for (const scenario of config.scenarios) select.add(new Option(scenario.label, scenario.id));
  const showScript = () => {
    const scenario = config.scenarios.find((s) => s.id === select.value);
    $('script').textContent = scenario ? `${scenario.headers.join('\n')}\n\n${scenario.speech.join('\n')}` : '';
  };
  select.addEventListener('change', showScript);
  showScript();
  if (config.speechUnavailable) {
    mic.checked = true;
    mic.disabled = true;
    $('note').textContent = config.speechUnavailable;
  }
  const ua = new UA({
    sockets: [new WebSocketInterface(config.wsUrl)],
    uri: `sip:${config.user}@127.0.0.1`,
    password: config.password,
    display_name: 'IVR',
    register: true,
  });
  ua.on('registered', () => {
    show('ready', 'Ready: pick a customer and call');
    callButton.disabled = session !== undefined;
  });
  ua.on('registrationFailed', (e) => show('error', `Cannot register with the demo SIP server: ${e.cause}`));
  callButton.addEventListener('click', () => void call(config, ua).catch((error: unknown) => show('error', `Cannot call: ${String(error)}`)));
  hangupButton.addEventListener('click', () => session?.terminate());
  ua.start();
}

main().catch((error: unknown) => show('error', `Caller page failed to start: ${String(error)}`));
