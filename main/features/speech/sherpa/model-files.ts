/**
 * Finds and checks the streaming model in the folder IT names in the policy (`modelPath`), before any of
 * it reaches native code (see onnx-check.ts for why that matters). Accepted layouts, as sherpa-onnx's
 * released streaming models unpack:
 * - transducer (zipformer, conformer, lstm): `encoder*.onnx`, `decoder*.onnx`, `joiner*.onnx`, `tokens.txt`
 * - paraformer: `encoder*.onnx`, `decoder*.onnx`, `tokens.txt`, no joiner
 * The encoder must carry the metadata sherpa-onnx reads to pick the model's code: `model_type` (one of
 * TRANSDUCER_TYPES) for a transducer, `vocab_size` for a paraformer. Without it sherpa-onnx-node 1.13.8
 * crashes the process (measured: segmentation fault, resp. exit 255, with a valid ONNX file that is not a
 * sherpa-onnx model), so its absence is a bad-config here.
 * When a folder holds both a float and an int8 file of a part (`encoder-epoch-99-avg-1.onnx` and
 * `encoder-epoch-99-avg-1.int8.onnx`), the int8 one is used: a fraction of the CPU on an agent's desktop.
 */
import { readdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SpeechEngineError } from '../engine';
import { inspectOnnx, type OnnxInspection } from './onnx-check';

/** The files of a checked model. */
export type SherpaModelFiles =
  | { kind: 'transducer'; encoder: string; decoder: string; joiner: string; tokens: string }
  | { kind: 'paraformer'; encoder: string; decoder: string; tokens: string };

/** Transducer kinds sherpa-onnx 1.13 knows (online-transducer-model.cc); any other value crashes it. */
export const TRANSDUCER_TYPES: readonly string[] = ['conformer', 'ebranchformer', 'lstm', 'zipformer', 'zipformer2'];

const LAYOUTS = 'a streaming transducer (encoder*.onnx, decoder*.onnx, joiner*.onnx, tokens.txt) or paraformer (encoder*.onnx, decoder*.onnx, tokens.txt)';

/** The file for one part: int8 first, then the shortest name (the plain one), then by name. */
function pick(names: readonly string[], part: string): string | undefined {
  const candidates = names.filter((n) => n.toLowerCase().startsWith(part) && n.toLowerCase().endsWith('.onnx'));
  const rank = (n: string): number => (n.toLowerCase().endsWith('.int8.onnx') ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b))[0];
}

async function checkOnnx(path: string): Promise<OnnxInspection> {
  const inspection = await inspectOnnx(path).catch((error: unknown) => {
    throw new SpeechEngineError('model-missing', `sherpa-onnx model file cannot be read: ${path} (${(error as Error).message})`);
  });
  if (inspection.problem) throw new SpeechEngineError('bad-config', `${path} is not a usable ONNX model: it ${inspection.problem}`);
  return inspection;
}

/** The encoder's metadata must name what sherpa-onnx needs to load it. */
function checkEncoderMetadata(path: string, kind: SherpaModelFiles['kind'], metadata: ReadonlyMap<string, string>): void {
  const export_ = 'export it with the sherpa-onnx / icefall export scripts, or use a released sherpa-onnx streaming model';
  if (kind === 'paraformer') {
    if (!metadata.has('vocab_size')) throw new SpeechEngineError('bad-config', `${path} is not a sherpa-onnx streaming paraformer encoder (no vocab_size in its metadata): ${export_}`);
    return;
  }
  const type = metadata.get('model_type');
  if (type === undefined) throw new SpeechEngineError('bad-config', `${path} is not a sherpa-onnx streaming transducer encoder (no model_type in its metadata): ${export_}`);
  if (!TRANSDUCER_TYPES.includes(type)) throw new SpeechEngineError('bad-config', `${path} is a "${type}" transducer; this sherpa-onnx supports ${TRANSDUCER_TYPES.join(', ')}`);
}

/** tokens.txt: one "<symbol> <id>" per line. Checks the first 4 KB (an HTML page or a binary is refused). */
async function checkTokens(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n');
    // The last line of the sample may be cut in the middle.
    const whole = bytesRead === buffer.length ? lines.slice(0, -1) : lines;
    const entries = whole.map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
    if (entries.length === 0) throw new SpeechEngineError('bad-config', `${path} is empty: a sherpa-onnx tokens.txt lists one "<symbol> <id>" per line`);
    const bad = entries.find((l) => !/^\S*\s+\d+$/.test(l) || l.includes('\0'));
    if (bad !== undefined) throw new SpeechEngineError('bad-config', `${path} is not a sherpa-onnx tokens.txt (expected "<symbol> <id>" per line, found "${bad.slice(0, 40)}")`);
  } finally {
    await handle.close();
  }
}

/**
 * Finds the model in a folder and checks every file.
 * @param languages for the error message (which languages lose transcription)
 * @throws SpeechEngineError model-missing (folder or a file absent, named) or bad-config (a file that is not a model)
 */
export async function findSherpaModel(dir: string, languages: readonly string[]): Promise<SherpaModelFiles> {
  const info = await stat(dir).catch(() => {
    throw new SpeechEngineError('model-missing', `sherpa-onnx model folder not found: ${dir} (for ${languages.join(', ')}); IT sets this path in the policy`);
  });
  if (!info.isDirectory()) throw new SpeechEngineError('model-missing', `sherpa-onnx model must be a folder, got a file: ${dir}`);
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const encoder = pick(names, 'encoder');
  const decoder = pick(names, 'decoder');
  const joiner = pick(names, 'joiner');
  const tokens = names.find((n) => n === 'tokens.txt');
  const absent = [!encoder && 'encoder*.onnx', !decoder && 'decoder*.onnx', !tokens && 'tokens.txt'].filter((x): x is string => typeof x === 'string');
  if (!encoder || !decoder || !tokens) {
    throw new SpeechEngineError('model-missing', `sherpa-onnx model folder ${dir} has no ${absent.join(', ')}: it must hold ${LAYOUTS}`);
  }
  const kind = joiner ? 'transducer' : 'paraformer';
  const encoderInspection = await checkOnnx(join(dir, encoder));
  for (const other of [decoder, ...(joiner ? [joiner] : [])]) await checkOnnx(join(dir, other));
  checkEncoderMetadata(join(dir, encoder), kind, encoderInspection.metadata);
  await checkTokens(join(dir, tokens));
  return joiner
    ? { kind: 'transducer', encoder: join(dir, encoder), decoder: join(dir, decoder), joiner: join(dir, joiner), tokens: join(dir, tokens) }
    : { kind: 'paraformer', encoder: join(dir, encoder), decoder: join(dir, decoder), tokens: join(dir, tokens) };
}
