/**
 * `npm run demo:speech`: renders every scenario's customer speech into assets/demo (only needed after a
 * scenario's text changes; the files are committed). English with festival's cmu_us_slt_arctic_hts voice,
 * Mandarin (espeak-ng cmn-latn-pinyin) and Cantonese (espeak-ng yue): each sentence after 1 s of silence
 * (the agent says hello) with 1.5 s between sentences, as 16 kHz mono Ogg Vorbis (sox), small enough to
 * commit. Why Vorbis: Debian's sox cannot write Opus, and 8 kHz WAV loses words the desk's English speech
 * engine needs (it heard "i lost my credit card at the train station" as "i got my credit card and end
 * cash on", and none of a read-out card number's digits), while 16 kHz Vorbis at quality 2 is heard word
 * for word at a tenth of the WAV's size. Needs `apt-get install festival festvox-us-slt-hts espeak-ng sox`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { scenarios, type SpeechVoice } from './scenarios';
import { manifestFile, speechFile, type RenderedSpeech } from './speech';

const run = promisify(execFile);
const FORMAT = ['-r', '16000', '-c', '1', '-b', '16'];
/** Vorbis quality (sox -C): 2 is about 45 kbit/s at 16 kHz mono. */
const QUALITY = '2';

/** One sentence into `out` (any WAV; sox converts). */
async function speak(voice: SpeechVoice, text: string, out: string, work: string): Promise<void> {
  if (voice === 'en') {
    const textFile = join(work, 'line.txt');
    writeFileSync(textFile, `${text}\n`);
    await run('text2wave', ['-eval', '(voice_cmu_us_slt_arctic_hts)', textFile, '-o', out]);
  } else {
    // cmn-latn-pinyin: the plain cmn voice of espeak-ng 1.51 reads many characters as English letters.
    await run('espeak-ng', ['-v', voice === 'cmn' ? 'cmn-latn-pinyin' : 'yue', '-s', '150', '-w', out, text]);
  }
}

async function main(): Promise<void> {
  const dir = fileURLToPath(new URL('../../assets/demo/', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'lingxi-demo-speech-'));
  const manifest: Record<string, RenderedSpeech> = {};
  try {
    await run('sox', ['-n', ...FORMAT, join(work, 'lead.wav'), 'trim', '0', '1']);
    await run('sox', ['-n', ...FORMAT, join(work, 'gap.wav'), 'trim', '0', '1.5']);
    for (const { id, voice, speech } of scenarios) {
      const parts: string[] = [];
      for (const [i, sentence] of speech.entries()) {
        const raw = join(work, `${i}-raw.wav`);
        await speak(voice, sentence, raw, work);
        parts.push(join(work, `${i}.wav`));
        await run('sox', [raw, ...FORMAT, parts[i] as string, 'norm', '-3']);
      }
      const out = speechFile(dir, id);
      const whole = join(work, 'whole.wav');
      await run('sox', [join(work, 'lead.wav'), ...parts.flatMap((p) => [p, join(work, 'gap.wav')]), whole]);
      await run('sox', [whole, '-C', QUALITY, `${out}.part.ogg`]);
      renameSync(`${out}.part.ogg`, out);
      manifest[id] = { voice, speech };
      process.stdout.write(`${out}\n`);
    }
    writeFileSync(manifestFile(dir), `${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`demo:speech: ${text.split('\n')[0]}\nInstall the voices and sox: apt-get install festival festvox-us-slt-hts espeak-ng sox\n`);
  process.exit(1);
});
