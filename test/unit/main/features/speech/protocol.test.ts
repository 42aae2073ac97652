/** The protocol contract (common/contract/speech-protocol.ts) and the service's access decisions. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseClientMessage, parseServerMessage, speechErrorEndsStream, speechSubprotocols, speechTokenSchema } from '@common/contract/speech-protocol';
import { checkAccess, newSpeechToken, type AccessPolicy } from '@main/features/speech/auth';

const token = newSpeechToken();
const policy: AccessPolicy = { token, allowedOrigins: ['lingxi://app'], allowMissingOrigin: true, port: 4100 };
const request = (headers: Record<string, string>): IncomingMessage => ({ headers: { host: '127.0.0.1:4100', 'sec-websocket-protocol': speechSubprotocols(token).join(', '), ...headers } }) as unknown as IncomingMessage;

describe('speech protocol v1 messages', () => {
  it('accepts a full start message and a stop', () => {
    const startMessage = { type: 'start', leg: 'customer', language: 'zh-CN', sampleRate: 16000, hints: ['挂失'], keywords: ['投诉'] };
    expect(parseClientMessage(JSON.stringify(startMessage))).toEqual({ ok: true, message: startMessage });
    expect(parseClientMessage('{"type":"stop"}')).toEqual({ ok: true, message: { type: 'stop' } });
  });

  it('explains what is wrong with a client message, field first', () => {
    expect(parseClientMessage('{"type":"start","leg":"both","language":"en-US","sampleRate":16000}')).toMatchObject({ ok: false, error: expect.stringMatching(/^leg: /) });
    expect(parseClientMessage('{"type":"start","leg":"agent","language":"english","sampleRate":16000}')).toEqual({ ok: false, error: 'language: must be a language tag like en-US or zh-CN' });
    expect(parseClientMessage('{"type":"stop","now":true}')).toMatchObject({ ok: false });
    expect(parseClientMessage('[1,2')).toEqual({ ok: false, error: 'not JSON' });
  });

  it('lets clients read messages from newer servers that add fields', () => {
    expect(parseServerMessage('{"type":"final","leg":"agent","text":"hello","startMs":0,"endMs":500,"confidence":0.9}')).toMatchObject({ ok: true, message: { type: 'final', text: 'hello' } });
  });

  it('says which errors end a stream', () => {
    expect(speechErrorEndsStream('overloaded')).toBe(true);
    expect(speechErrorEndsStream('model-missing')).toBe(true);
    expect(speechErrorEndsStream('bad-frame')).toBe(false);
  });

  it('makes tokens that fit in a subprotocol header', () => {
    expect(speechTokenSchema.safeParse(newSpeechToken()).success).toBe(true);
    expect(newSpeechToken()).not.toBe(newSpeechToken());
  });
});

describe('checkAccess', () => {
  it('lets the app in: its origin or no origin (Node), the token, a loopback host with our port', () => {
    expect(checkAccess(request({ origin: 'lingxi://app' }), policy)).toEqual({ ok: true });
    expect(checkAccess(request({}), policy)).toEqual({ ok: true });
    expect(checkAccess(request({ host: 'localhost:4100' }), policy)).toEqual({ ok: true });
  });

  it('refuses other pages, rebound host names and wrong tokens', () => {
    expect(checkAccess(request({ origin: 'https://evil.example' }), policy)).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(request({ host: 'evil.example:4100' }), policy)).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(request({ host: '127.0.0.1:4101' }), policy)).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(request({ 'sec-websocket-protocol': speechSubprotocols(newSpeechToken()).join(', ') }), policy)).toEqual({ ok: false, status: 401, reason: 'missing or wrong token' });
    expect(checkAccess(request({ 'sec-websocket-protocol': `lingxi-token.${token}` }), policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess(request({}), { ...policy, allowMissingOrigin: false })).toEqual({ ok: false, status: 403, reason: 'no Origin header' });
  });
});
