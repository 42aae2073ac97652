/**
 * Playing a recording whose recorder restarted mid-call. Such a recording is two files one after the
 * other (the encoded recorder's Ogg Opus, then the WebAudio recorder's WebM Opus: see RecorderRestart),
 * which no player plays as one; so each is decoded and placed on the call's timeline, the lost span
 * silent, and the agent hears one WAV. Only restarted recordings take this path, at PLAYBACK_RATE
 * (wideband speech, 3.8 MB a minute) to keep the in-memory file small.
 */
import type { RecordingExport } from './types';

export const PLAYBACK_RATE = 16_000;

interface Part {
  /** Byte range in the export's audio. */
  from: number;
  to: number;
  atMs: number;
}

/** The export's audio as one playable file: unchanged without restarts, else a stereo WAV of the timeline. */
export async function playableAudio(recording: RecordingExport): Promise<Blob> {
  const restarts = recording.manifest.restarts ?? [];
  if (restarts.length === 0) return recording.audio;
  const context = new OfflineAudioContext(2, 1, PLAYBACK_RATE);
  const placed: { buffer: AudioBuffer; atMs: number }[] = [];
  for (const part of partsOf(recording)) {
    if (part.to <= part.from) continue;
    const bytes = await recording.audio.slice(part.from, part.to).arrayBuffer();
    placed.push({ buffer: await context.decodeAudioData(bytes), atMs: part.atMs });
  }
  const offset = (atMs: number) => Math.round((atMs * PLAYBACK_RATE) / 1000);
  const length = Math.max(0, ...placed.map((p) => offset(p.atMs) + p.buffer.length));
  const channels = [new Float32Array(length), new Float32Array(length)] as const;
  for (const { buffer, atMs } of placed) {
    channels.forEach((channel, index) => {
      // A later part starts where it started in the call, over anything an earlier one left there.
      channel.set(buffer.getChannelData(Math.min(index, buffer.numberOfChannels - 1)).subarray(0, length - offset(atMs)), offset(atMs));
    });
  }
  return wav(channels, PLAYBACK_RATE);
}

/** Each recorder's file: its chunks' bytes and where its audio starts in the recording. */
function partsOf({ manifest }: RecordingExport): Part[] {
  const starts: number[] = [0];
  for (const chunk of manifest.chunks) starts.push((starts.at(-1) ?? 0) + chunk.bytes);
  const byteAt = (seq: number) => starts[Math.min(seq, manifest.chunks.length)] ?? 0;
  const restarts = manifest.restarts ?? [];
  const bounds = [{ seq: 0, atMs: 0 }, ...restarts.map((r) => ({ seq: r.seq, atMs: r.atMs }))];
  return bounds.map((bound, index) => ({
    from: byteAt(bound.seq),
    to: byteAt(bounds[index + 1]?.seq ?? manifest.chunks.length),
    atMs: bound.atMs,
  }));
}

/** 16-bit PCM WAV (RIFF) of two channels. */
function wav(channels: readonly [Float32Array, Float32Array], rate: number): Blob {
  const frames = channels[0].length;
  const data = new DataView(new ArrayBuffer(44 + frames * 4));
  const text = (at: number, value: string) => [...value].forEach((c, i) => data.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  data.setUint32(4, 36 + frames * 4, true);
  text(8, 'WAVEfmt ');
  data.setUint32(16, 16, true);
  data.setUint16(20, 1, true); // PCM
  data.setUint16(22, 2, true);
  data.setUint32(24, rate, true);
  data.setUint32(28, rate * 4, true);
  data.setUint16(32, 4, true);
  data.setUint16(34, 16, true);
  text(36, 'data');
  data.setUint32(40, frames * 4, true);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < 2; c++) {
      const sample = Math.max(-1, Math.min(1, channels[c]?.[i] ?? 0));
      data.setInt16(44 + i * 4 + c * 2, Math.round(sample * 0x7fff), true);
    }
  }
  return new Blob([data.buffer], { type: 'audio/wav' });
}
