/**
 * Test helpers for the sherpa-onnx engine: model folders on disk. No real model exists on this machine
 * (none is downloadable), so "valid" files are minimal ONNX ModelProto messages encoded here by hand from
 * onnx.proto's field numbers: structurally sound, never given to onnxruntime.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function field(number: number, payload: Buffer): Buffer {
  return Buffer.from([...varint(number * 8 + 2), ...varint(payload.length), ...payload]);
}

function metadataEntry(key: string, value: string): Buffer {
  return field(14, Buffer.concat([field(1, Buffer.from(key)), field(2, Buffer.from(value))]));
}

/**
 * ir_version 8, producer "test", one opset import, a graph of `graphBytes` bytes, then metadata entries
 * (default: a zipformer2 transducer encoder's `model_type`).
 */
export function onnxModelBytes(graphBytes = 64, metadata: Record<string, string> = { model_type: 'zipformer2' }): Buffer {
  return Buffer.concat([
    Buffer.from([0x08, ...varint(8)]),
    field(2, Buffer.from('test')),
    field(8, Buffer.from([0x10, ...varint(17)])),
    field(7, Buffer.alloc(graphBytes, 0x0a)),
    ...Object.entries(metadata).map(([key, value]) => metadataEntry(key, value)),
  ]);
}

/** A paraformer encoder's file: its metadata has vocab_size. */
export const paraformerEncoderBytes = (): Buffer => onnxModelBytes(64, { vocab_size: '8404', lfr_window_size: '7' });

/** Writes a model folder: each entry is a file name and its content. */
export function modelFolder(dir: string, files: Record<string, string | Buffer>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const TOKENS = '<blk> 0\n<sos/eos> 1\n▁THE 2\n我 3\n';
