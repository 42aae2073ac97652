/**
 * Checks a pocketsphinx model before the library sees it. Two reasons:
 * - clear errors: "acoustic model folder /x has no mdef" instead of a NULL decoder;
 * - libpocketsphinx calls exit() (E_FATAL) on some malformed acoustic-model files, which would take the
 *   whole speech service down. Checking each file's signature catches the usual mistakes (a wrong folder,
 *   a language model where the acoustic model belongs, an HTML error page saved as a model). A file that
 *   has the right signature but is truncated can still end the service process; the app survives that (the
 *   service runs in its own process) and the client sees the connection close.
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SpeechEngineError } from '../engine';

/** Files every pocketsphinx (Sphinx-3 format) acoustic model has, with their signatures. */
const REQUIRED: readonly { file: string; signatures: readonly string[] }[] = [
  { file: 'mdef', signatures: ['BMDF', '0.3'] },
  { file: 'means', signatures: ['s3\n'] },
  { file: 'variances', signatures: ['s3\n'] },
  { file: 'transition_matrices', signatures: ['s3\n'] },
];
/** Mixture weights: one of the two, as plain s3 data or pocketsphinx's compressed dump. */
const WEIGHTS: readonly { file: string; signature: (head: Buffer) => boolean }[] = [
  { file: 'mixture_weights', signature: (head) => head.subarray(0, 3).toString('latin1') === 's3\n' },
  { file: 'sendump', signature: (head) => head.subarray(4, 9).toString('latin1') === 'BEGIN' },
];

async function head(path: string): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buffer, 0, 16, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Verifies an acoustic model folder.
 * @throws SpeechEngineError model-missing (folder or files absent) or bad-config (files of the wrong kind)
 */
export async function checkAcousticModel(dir: string): Promise<void> {
  const isDir = await stat(dir).then(
    (info) => info.isDirectory(),
    () => {
      throw new SpeechEngineError('model-missing', `acoustic model folder not found: ${dir}`);
    },
  );
  if (!isDir) throw new SpeechEngineError('model-missing', `acoustic model must be a folder (with mdef, means, variances …), got a file: ${dir}`);
  for (const { file, signatures } of REQUIRED) {
    const bytes = await head(join(dir, file));
    if (bytes === null) throw new SpeechEngineError('model-missing', `acoustic model folder ${dir} has no ${file}: is this a pocketsphinx acoustic model?`);
    const text = bytes.toString('latin1');
    if (!signatures.some((s) => text.startsWith(s))) throw new SpeechEngineError('bad-config', `${join(dir, file)} is not a pocketsphinx model file`);
  }
  let weights = false;
  for (const { file, signature } of WEIGHTS) {
    const bytes = await head(join(dir, file));
    if (bytes === null) continue;
    if (!signature(bytes)) throw new SpeechEngineError('bad-config', `${join(dir, file)} is not a pocketsphinx model file`);
    weights = true;
  }
  if (!weights) throw new SpeechEngineError('model-missing', `acoustic model folder ${dir} has neither mixture_weights nor sendump`);
}

/**
 * Verifies that a dictionary or language model file exists.
 * @param what how the error names it ("pronouncing dictionary")
 * @throws SpeechEngineError model-missing
 */
export async function checkModelFile(path: string, what: string): Promise<void> {
  if (!(await isFile(path))) throw new SpeechEngineError('model-missing', `${what} not found: ${path}`);
}
