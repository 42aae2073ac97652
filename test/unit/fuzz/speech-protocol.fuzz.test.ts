/**
 * Speech-protocol frames from a peer that may be broken or hostile (either side of the WebSocket): the
 * parsers never throw, a refusal is one line that fits in an error message, and what they accept is a
 * message of the protocol that survives a round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientMessageSchema, parseClientMessage, parseServerMessage, serverMessageSchema, speechErrorCodeSchema } from '@common/contract/speech-protocol';
import { fuzz } from './fuzz-params';
import { hostileJson, mutated } from './hostile';

const leg = fc.constantFrom('customer', 'agent');
const ms = fc.double({ min: 0, max: 1e7, noNaN: true });
const phrases = fc.array(fc.string({ minLength: 1, maxLength: 20 }).filter((p) => p.trim() === p && p !== ''), { maxLength: 5 });

const clientMessage = fc.oneof(
  fc.record({ type: fc.constant('start'), leg, language: fc.constantFrom('zh-CN', 'en-US', 'yue-HK', 'zh-Hant'), sampleRate: fc.constant(16000), hints: phrases, keywords: phrases }, { requiredKeys: ['type', 'leg', 'language', 'sampleRate'] }),
  fc.constant({ type: 'stop' }),
);
const serverMessage = fc.oneof(
  fc.record({ type: fc.constant('ready'), leg, engine: fc.string() }),
  fc.record({ type: fc.constantFrom('partial', 'final'), text: fc.string(), leg, startMs: ms, endMs: ms }),
  fc.record({ type: fc.constant('keyword'), keyword: fc.string(), leg, startMs: ms, endMs: ms }),
  fc.record({ type: fc.constant('error'), code: fc.constantFrom(...speechErrorCodeSchema.options), message: fc.string() }),
  fc.record({ type: fc.constant('stopped'), leg, audioMs: ms }),
);

/** A frame's text: JSON of a (mutated) message, a message cut short, or any text at all. */
const frame = (messages: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.oneof(messages, mutated(messages, hostileJson), hostileJson).map((value) => JSON.stringify(value) ?? ''),
    fc.tuple(messages, fc.nat()).map(([value, cut]) => JSON.stringify(value).slice(0, cut)),
    fc.string({ unit: 'binary', maxLength: 100 }),
  );

const sides = [
  { side: 'client', parse: parseClientMessage, schema: clientMessageSchema, messages: clientMessage },
  { side: 'server', parse: parseServerMessage, schema: serverMessageSchema, messages: serverMessage },
] as const;

describe('speech-protocol frames (fuzzed)', { timeout: 30_000 }, () => {
  for (const { side, parse, schema, messages } of sides) {
    it(`parses any ${side} frame without throwing; a refusal is one short line`, () => {
      fuzz(
        fc.property(frame(messages), (text) => {
          const result = parse(text);
          if (result.ok) {
            expect(schema.safeParse(JSON.parse(JSON.stringify(result.message))).success).toBe(true);
            return;
          }
          expect(result.error).not.toMatch(/[\r\n]/);
          expect(result.error.length).toBeGreaterThan(0);
          expect(result.error.length).toBeLessThanOrEqual(300);
        }),
        200,
      );
    });

    it(`accepts every valid ${side} message as sent`, () => {
      fuzz(
        fc.property(messages, (message) => {
          const result = parse(JSON.stringify(message));
          expect(result).toEqual({ ok: true, message });
        }),
        100,
      );
    });
  }
});
