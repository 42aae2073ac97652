import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KILLED_CLOSE_CODE, LivenessSocket } from '@renderer/features/phone/sip/liveness-socket';

/** A WebSocket that opens only when told to, as a frozen or slow server would. */
class FakeWebSocket {
  static last: FakeWebSocket | null = null;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { wasClean: boolean; code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly close = vi.fn(() => (this.readyState = 3));
  readonly send = vi.fn();
  constructor(readonly url: string) {
    FakeWebSocket.last = this;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

function setup(timeoutMs = 4000) {
  const opened = vi.fn();
  const killed = vi.fn();
  const guarded = vi.fn();
  const socket = new LivenessSocket('ws://127.0.0.1:8080', timeoutMs, { opened, killed, guarded });
  const transport = { onconnect: vi.fn(), ondisconnect: vi.fn(), ondata: vi.fn() };
  Object.assign(socket, transport);
  return { socket, opened, killed, guarded, transport };
}

/** An OPTIONS request; `cseq` lets a test make it lie about its method. */
const options = (cseq = '8 OPTIONS') =>
  ['OPTIONS sip:1001@127.0.0.1 SIP/2.0', 'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1', 'To: <sip:1001@127.0.0.1>', 'From: <sip:x@y>;tag=1', 'Call-ID: c1', `CSeq: ${cseq}`, 'Content-Length: 0', '', ''].join('\r\n');

describe('LivenessSocket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeWebSocket);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('looks like JsSIP’s WebSocketInterface (url, via transport, SIP URI) and rejects a bad URL', () => {
    const { socket } = setup();
    expect(socket.url).toBe('ws://127.0.0.1:8080');
    expect(socket.via_transport).toBe('WS');
    expect(socket.sip_uri).toBe('sip:127.0.0.1:8080;transport=ws');
    expect(() => new LivenessSocket('http://x', 1000, { opened: vi.fn() })).toThrow(TypeError);
  });

  it('reports open and data to the transport, and which socket carries the traffic', () => {
    const { socket, opened, transport } = setup();
    socket.connect();
    FakeWebSocket.last?.open();
    expect(transport.onconnect).toHaveBeenCalled();
    expect(opened).toHaveBeenCalledWith(socket);
    expect(socket.isConnected()).toBe(true);
    FakeWebSocket.last?.onmessage?.({ data: 'SIP/2.0 200 OK' });
    expect(transport.ondata).toHaveBeenCalledWith('SIP/2.0 200 OK');
  });

  it('screens every frame: a bad request is answered on the socket and never reaches JsSIP; binary frames arrive as text', () => {
    const { socket, guarded, transport } = setup();
    socket.connect();
    const ws = FakeWebSocket.last as FakeWebSocket;
    ws.open();
    ws.onmessage?.({ data: options('8 INVITE') });
    expect(ws.send).toHaveBeenCalledWith(expect.stringMatching(/^SIP\/2\.0 400 Bad Request \(CSeq method does not match\)\r\n/));
    expect(transport.ondata).not.toHaveBeenCalled();
    expect(guarded).toHaveBeenCalledWith('sip guard: answered 400 Bad Request (CSeq method does not match)');
    ws.onmessage?.({ data: new TextEncoder().encode(options()).buffer });
    expect(transport.ondata).toHaveBeenCalledWith(options());
  });

  it('catches what JsSIP throws on a message, so the WebSocket’s handler never throws', () => {
    const { socket, guarded, transport } = setup();
    socket.connect();
    const ws = FakeWebSocket.last as FakeWebSocket;
    ws.open();
    const failure = new TypeError("Cannot read properties of undefined (reading 'user')");
    transport.ondata.mockImplementation(() => {
      throw failure;
    });
    expect(() => ws.onmessage?.({ data: options() })).not.toThrow();
    expect(guarded).toHaveBeenCalledWith('sip guard: JsSIP failed on an incoming message', failure);
  });

  it('kill() closes without waiting for the server and reports an abnormal disconnect', () => {
    const { socket, killed, transport } = setup();
    socket.connect();
    const ws = FakeWebSocket.last as FakeWebSocket;
    ws.open();
    socket.kill('keep-alive timeout');
    expect(ws.close).toHaveBeenCalled();
    expect(killed).toHaveBeenCalledWith(socket, 'keep-alive timeout');
    expect(transport.ondisconnect).toHaveBeenCalledWith(true, KILLED_CLOSE_CODE, 'keep-alive timeout');
    // The browser's own close event, when it finally comes, is not reported twice.
    ws.onclose?.({ wasClean: false, code: 1006, reason: '' });
    expect(transport.ondisconnect).toHaveBeenCalledTimes(1);
  });

  it('gives up a handshake that does not complete in time', () => {
    const { socket, transport } = setup(4000);
    socket.connect();
    vi.advanceTimersByTime(3999);
    expect(transport.ondisconnect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(transport.ondisconnect).toHaveBeenCalledWith(true, KILLED_CLOSE_CODE, 'handshake timeout');
  });

  it('an orderly disconnect() is not a failure and cancels the handshake timer', () => {
    const { socket, transport } = setup(4000);
    socket.connect();
    socket.disconnect();
    vi.advanceTimersByTime(10_000);
    expect(transport.ondisconnect).not.toHaveBeenCalled();
    socket.kill('late');
    expect(transport.ondisconnect).not.toHaveBeenCalled();
  });
});
