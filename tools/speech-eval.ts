/**
 * `npm run speech:eval -- [options] <file.wav>…`: recognises 16 kHz 16-bit mono WAVs with the pocketsphinx
 * engine on the domain model and prints one JSON object (SpeechEvalReport): word accuracy against the
 * expected text, end of speech → final latency at real-time pacing, rtf (CPU / audio time), model build
 * and load times. Expected text: `--text` (one file only) or a sidecar `<file>.txt`.
 * Exit code 2 on bad arguments or input.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseSpeechServiceConfig } from '@main/features/speech/config';
import { evaluateSpeech, sidecarText } from './speech-eval-report';

export const USAGE = `usage: npm run speech:eval -- [--knowledge <package.json>]… [--keyword <phrase>]… [--text "<expected words>"]
       [--end-silence-ms <n>] [--realtime] [--fresh-model] <file.wav>…
  --knowledge     knowledge package(s) for the domain model (default: the bundled sample KB)
  --text          expected text when one file is given (else each file's sidecar .txt)
  --realtime      pace audio on the wall clock (default: simulated real-time pacing, same figures, faster)
  --fresh-model   build the domain model in an empty cache (reports the build time, not a cache hit)`;

const bundledKb = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/knowledge/sample-kb.json');

async function main(): Promise<void> {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let values: { knowledge?: string[]; keyword?: string[]; text?: string; 'end-silence-ms'?: string; realtime?: boolean; 'fresh-model'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        knowledge: { type: 'string', multiple: true },
        keyword: { type: 'string', multiple: true },
        text: { type: 'string' },
        'end-silence-ms': { type: 'string' },
        realtime: { type: 'boolean' },
        'fresh-model': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
    if (values.help) {
      console.log(USAGE);
      return;
    }
    if (positionals.length === 0) throw new Error('no WAV file given');
    if (values.text !== undefined && positionals.length > 1) throw new Error('--text needs exactly one file; use sidecar .txt files for several');
  } catch (error) {
    console.error(`speech:eval: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    const service = parseSpeechServiceConfig({
      engines: [
        {
          engine: 'pocketsphinx',
          knowledgePackages: (values.knowledge ?? [bundledKb]).map((p) => resolve(cwd, p)),
          keywords: values.keyword ?? [],
          ...(values['end-silence-ms'] ? { endSilenceMs: Number(values['end-silence-ms']) } : {}),
        },
      ],
    });
    const config = service.engines[0];
    if (config?.engine !== 'pocketsphinx') throw new Error('internal: expected a pocketsphinx configuration');
    const cacheDir = values['fresh-model'] ? mkdtempSync(join(tmpdir(), 'lingxi-speech-eval-')) : service.cacheDir;
    const files = positionals.map((p) => {
      const path = resolve(cwd, p);
      return { path, expected: values.text ?? sidecarText(path) };
    });
    const report = await evaluateSpeech(config, cacheDir, files, { realtime: values.realtime });
    console.log(JSON.stringify(report, null, 2));
  } catch (error) {
    console.error(`speech:eval: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
