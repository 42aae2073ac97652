/**
 * Serves the caller simulator at `/demo/caller/`: the bundled page, its `config.json` (the SIP server, the
 * caller's credentials, the scenarios) and each scenario's speech at `audio/<id>.ogg`.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStaticFile } from '@main/shared/static-files';
import { scenarios } from './scenarios';
import type { ScenarioSpeech } from './speech';

export const CALLER_PATH = '/demo/caller/';

export interface CallerSetup {
  pageDir: string;
  speech: ScenarioSpeech;
  wsUrl: string;
  user: string;
  password: string;
  agent: string;
}

/** Handles `/demo/caller…`; false for other paths. */
export function handleCaller(setup: CallerSetup, _req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.pathname === '/demo/caller') {
    res.writeHead(302, { Location: CALLER_PATH }).end();
    return true;
  }
  if (!url.pathname.startsWith(CALLER_PATH)) return false;
  const rest = url.pathname.slice(CALLER_PATH.length);
  const json = (body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  if (rest === 'config.json') {
    const { wsUrl, user, password, agent, speech } = setup;
    json({
      wsUrl, user, password, agent,
      scenarios: scenarios.map((s) => ({ ...s, audio: speech.files.has(s.id) ? `audio/${s.id}.ogg` : null })),
      ...(speech.unavailable ? { speechUnavailable: speech.unavailable } : {}),
    });
    return true;
  }
  const audio = /^audio\/([a-z-]+)\.ogg$/.exec(rest);
  void (async () => {
    const file = audio ? setup.speech.files.get(audio[1] as string) : undefined;
    if (file) {
      res.writeHead(200, { 'Content-Type': 'audio/ogg' }).end(await readFile(file));
      return;
    }
    const page = await readStaticFile(setup.pageDir, rest === '' ? 'index.html' : rest);
    if (page) res.writeHead(200, { 'Content-Type': page.contentType }).end(page.body);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  })();
  return true;
}
