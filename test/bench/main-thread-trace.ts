/**
 * A Chromium trace (CDP Tracing, devtools.timeline categories) of the app page's renderer, for the bench's
 * diagnostics: each main-thread task over 50 ms with what ran inside it (script, GC, style, layout, paint,
 * message and timer handlers), so a long task can be put down to its cause.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost when the thread was not waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; [key: string]: unknown };
}

/** One long task: when (ms after the trace started), how long (wall and CPU), and its slices of 2 ms or more, nested. */
export interface LongTaskTrace {
  atMs: number;
  ms: number;
  cpuMs: number;
  slices: string[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.gc',
];
const LONG_US = 50_000;
const SLICE_US = 2_000;

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = (await session.send('IO.read', { handle, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  return text;
}

/** What a slice was: its name and the detail that tells it apart (function, URL, event type, GC kind). */
function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const detail = [data.functionName, data.type, data.url, data.scriptName, data.lineNumber !== undefined ? `:${String(data.lineNumber)}:${String(data.columnNumber)}` : undefined, event.args?.type]
    .filter((part) => part !== undefined && part !== '')
    .map(String)
    .join(' ');
  return `${event.name}${detail ? ` (${detail.slice(0, 160)})` : ''}`;
}

/** The main thread's long tasks in a trace, each with its nested slices. */
export function longTasksOf(events: TraceEvent[]): LongTaskTrace[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`));
  const start = events.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Number.POSITIVE_INFINITY);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= LONG_US);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain
      .filter((e) => e !== task && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= SLICE_US)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: TraceEvent[] = [];
    const slices = inside.map((e) => {
      while (stack.length > 0 && e.ts >= (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0)) stack.pop();
      stack.push(e);
      const cpu = e.tdur === undefined ? '' : ` (CPU ${(e.tdur / 1000).toFixed(1)})`;
      return `${'  '.repeat(stack.length - 1)}${((e.dur ?? 0) / 1000).toFixed(1)} ms${cpu} ${describe(e)}`;
    });
    return { atMs: (task.ts - start) / 1000, ms: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? Number.NaN) / 1000, slices };
  });
}

/** Starts tracing the page's browser; the returned function stops and gives the main thread's long tasks. */
export async function startMainThreadTrace(page: Page): Promise<() => Promise<LongTaskTrace[]>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
    await session.send('Tracing.end');
    const stream = await complete;
    const text = await readStream(session, stream);
    await session.detach();
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return longTasksOf(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
  };
}

/** Long tasks as lines for the log. */
export function traceReport(tasks: LongTaskTrace[]): string {
  if (tasks.length === 0) return 'trace: no main-thread task of 50 ms or more';
  return tasks.map((t) => `trace: task of ${t.ms.toFixed(1)} ms (CPU ${t.cpuMs.toFixed(1)}) at ${(t.atMs / 1000).toFixed(2)} s\n${t.slices.map((s) => `    ${s}`).join('\n')}`).join('\n');
}
