/**
 * Starts the speech service from a launch request: validates the configuration, builds the engine registry,
 * starts the server. Shared by both ways of running it (service-entry.ts): an Electron utilityProcess
 * whose parent sends the request, or a Node process launched with command-line arguments.
 */
import { z } from 'zod';
import { speechTokenSchema } from '@common/contract/speech-protocol';
import { describeIssues } from '@common/zod-issues';
import { parseSpeechServiceConfig, type SpeechServiceConfig } from './config';
import { SpeechEngineError } from './engine';
import { createEngineRegistry, type EngineRegistry } from './engine-registry';
import { startSpeechServer, type SpeechServer } from './server';

/** What the launcher asks for. */
export const launchRequestSchema = z.strictObject({
  /** SpeechServiceConfig input (defaults apply). */
  config: z.unknown().optional(),
  /** The access token; generated when absent (the parent then reads it from the reply). */
  token: speechTokenSchema.optional(),
  port: z.number().int().min(0).max(65535).default(0),
  allowedOrigins: z.array(z.string().min(1)).default([]),
  allowMissingOrigin: z.boolean().default(true),
});
export type LaunchRequest = z.input<typeof launchRequestSchema>;

/**
 * Builds (or finds) each engine's base domain model and loads a decoder once, in the background, so the
 * first call does not wait for it. Failures are only logged: each stream reports its own error.
 */
async function warmUp(config: SpeechServiceConfig, registry: EngineRegistry, log?: (event: string, detail: Record<string, string | number>) => void): Promise<void> {
  for (const engine of config.engines) {
    const language = engine.languages[0] as string;
    const started = performance.now();
    try {
      const stream = await (await registry.engineFor(language)).open({ language, hints: [], keywords: [] });
      stream.close();
      log?.('warmed-up', { language, ms: Math.round(performance.now() - started) });
    } catch (error) {
      log?.('warm-up-failed', { language, code: error instanceof SpeechEngineError ? error.code : 'internal' });
    }
  }
}

/** The reply to the launcher: where the service listens and its token. */
export interface LaunchReply {
  event: 'listening';
  port: number;
  url: string;
  token: string;
}

/**
 * Starts the service.
 * @throws Error describing an invalid request or configuration, or a port in use
 */
export async function launchSpeechService(request: LaunchRequest, log?: (event: string, detail: Record<string, string | number>) => void): Promise<{ server: SpeechServer; reply: LaunchReply; dispose(): Promise<void> }> {
  const parsed = launchRequestSchema.safeParse(request);
  if (!parsed.success) throw new Error(`invalid launch request: ${describeIssues(parsed.error.issues, { dottedIndices: true, root: '(root)' }).join('; ')}`);
  const config = parseSpeechServiceConfig(parsed.data.config ?? {});
  const registry = createEngineRegistry(config);
  const server = await startSpeechServer({
    registry,
    port: parsed.data.port,
    token: parsed.data.token,
    allowedOrigins: parsed.data.allowedOrigins,
    allowMissingOrigin: parsed.data.allowMissingOrigin,
    maxQueueMs: config.maxQueueMs,
    log,
  });
  void warmUp(config, registry, log);
  return {
    server,
    reply: { event: 'listening', port: server.port, url: server.url, token: server.token },
    async dispose() {
      await server.close();
      registry.dispose();
    },
  };
}
