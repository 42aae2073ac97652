/**
 * Main's own handlers behind two channels a renderer can reach with any valid arguments, with real
 * collaborators: `log:write` (rate limit, writer, redaction, pino) and `crm:lookup` (over real HTTP on
 * loopback, to a CRM that answers anything). Neither ever throws; each answers in its documented shape.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmPolicySchema } from '@common/contract/policy';
import type { LogEntry } from '@common/contract/ipc';
import { createCrmLookup } from '@main/features/crm/crm-lookup';
import { setLogSecrets, setLogSink, writeRendererLog } from '@main/features/logging/logger';
import { limitRendererLog } from '@main/features/logging/renderer-log-limit';
import { channelArbitraries } from './ipc-arbitraries';
import { fuzzAsync, fuzz } from './fuzz-params';
import { hostileJson, mutated } from './hostile';

const SECRET = 'Zq9-s3cret-pass';

describe('main-side handlers (fuzzed)', { timeout: 60_000 }, () => {
  it('log:write writes any valid entry as one JSON line without the known secret, and never throws', () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => void lines.push(line), close: async () => undefined });
    setLogSecrets([SECRET]);
    const handler = limitRendererLog({ write: writeRendererLog, maxLines: Number.MAX_SAFE_INTEGER });
    const withSecret = fc.tuple(channelArbitraries['log:write'], fc.nat({ max: 3000 })).map(([[entry], at]): LogEntry => ({ ...entry, message: `${entry.message.slice(0, at)}${SECRET}${entry.message.slice(at)}`.slice(0, 4000) }));
    try {
      fuzz(
        fc.property(withSecret, (entry) => {
          lines.length = 0;
          handler({ id: 1 }, entry);
          expect(lines).toHaveLength(1);
          const line = lines[0] ?? '';
          expect(() => JSON.parse(line) as unknown).not.toThrow();
          if (entry.message.includes(SECRET)) expect(line).not.toContain(SECRET);
        }),
        200,
      );
    } finally {
      setLogSink(null);
      setLogSecrets([]);
    }
  });

  describe('crm:lookup against a CRM that answers anything', () => {
    let server: Server;
    let next: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: '{}' };
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(next.status, { 'Content-Type': next.type }).end(next.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('resolves every lookup to profiles or a named failure', async () => {
      const { port } = server.address() as AddressInfo;
      const crm = crmPolicySchema.parse({ profileUrl: `http://127.0.0.1:${port}/customers?id={customerId}&phone={phone}`, timeoutMs: 2000, maxResponseMb: 0.05 });
      const lookup = createCrmLookup({ crm: () => crm, token: async () => 'token', fetch });
      const customer = fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), name: fc.string({ minLength: 1, maxLength: 8 }), idNumber: fc.string({ maxLength: 20 }) });
      const body = fc.oneof(
        customer.map((c) => JSON.stringify(c)),
        mutated(fc.array(customer, { maxLength: 3 }), hostileJson).map((v) => JSON.stringify(v) ?? ''),
        hostileJson.map((v) => JSON.stringify(v) ?? ''),
        fc.string({ unit: 'binary', maxLength: 200 }),
      );
      const answer = fc.record({ status: fc.oneof(fc.constantFrom(200, 200, 200, 204, 401, 403, 404, 500), fc.integer({ min: 200, max: 599 })), type: fc.constantFrom('application/json', 'text/html', ''), body });
      await fuzzAsync(
        fc.asyncProperty(answer, channelArbitraries['crm:lookup'], async (reply, [query]) => {
          next = reply;
          const result = await lookup(query);
          if (result.ok) expect(Array.isArray(result.profiles)).toBe(true);
          else expect(['timeout', 'network', 'auth', 'http', 'json', 'schema', 'mapping', 'too-large']).toContain(result.kind);
        }),
        100,
      );
    });
  });
});
