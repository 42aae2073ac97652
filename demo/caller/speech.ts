/**
 * Makes each scenario's speech WAV with festival (`text2wave`, voice cmu_us_slt_arctic_hts: Debian's
 * festvox-us-slt-hts, openly licensed, see README) and sox, once: cached under `<cacheDir>/<hash>.wav`
 * keyed by the text. Without festival the caller page offers the microphone only, and says why.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Scenario } from './scenarios';

const run = promisify(execFile);
const VOICE = '(voice_cmu_us_slt_arctic_hts)';

export interface ScenarioSpeech {
  /** Scenario id → WAV file. */
  files: Map<string, string>;
  /** Why there is no speech, when festival or sox failed. */
  unavailable?: string;
}

async function speak(text: string, out: string, work: string): Promise<void> {
  const textFile = join(work, 'line.txt');
  const voice = join(work, 'line.wav');
  writeFileSync(textFile, `${text}\n`);
  await run('text2wave', ['-eval', VOICE, textFile, '-o', voice]);
  await run('sox', [voice, '-r', '48000', '-c', '1', '-b', '16', out]);
}

/** One WAV per scenario: its sentences with 1.5 s between them, after 1 s of silence (the agent says hello). */
export async function ensureScenarioSpeech(scenarios: readonly Scenario[], cacheDir: string): Promise<ScenarioSpeech> {
  mkdirSync(cacheDir, { recursive: true });
  const files = new Map<string, string>();
  for (const scenario of scenarios) {
    const key = createHash('sha256').update(`${VOICE}|v1|${scenario.speech.join('\n')}`).digest('hex').slice(0, 16);
    const file = join(cacheDir, `${scenario.id}-${key}.wav`);
    if (!existsSync(file)) {
      const work = join(cacheDir, `work-${process.pid}`);
      mkdirSync(work, { recursive: true });
      try {
        const parts: string[] = [];
        for (const [i, sentence] of scenario.speech.entries()) {
          const part = join(work, `${i}.wav`);
          await speak(sentence, part, work);
          parts.push(part);
        }
        const silence = ['-r', '48000', '-c', '1', '-b', '16', '-n'];
        await run('sox', [...silence, join(work, 'lead.wav'), 'trim', '0', '1']);
        await run('sox', [...silence, join(work, 'gap.wav'), 'trim', '0', '1.5']);
        const sequence = [join(work, 'lead.wav'), ...parts.flatMap((p) => [p, join(work, 'gap.wav')])];
        await run('sox', [...sequence, `${file}.part.wav`]);
        renameSync(`${file}.part.wav`, file);
      } catch (error) {
        return { files, unavailable: `festival could not speak (${(error as Error).message.split('\n')[0]}); install festival, festvox-us-slt-hts and sox, or use the microphone` };
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    files.set(scenario.id, file);
  }
  return { files };
}
