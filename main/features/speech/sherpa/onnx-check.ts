/**
 * A cheap structural check of an .onnx file before onnxruntime sees it. sherpa-onnx-node aborts the whole
 * process (an uncaught C++ Ort::Exception → std::terminate) when a model file is empty or not ONNX, which
 * no JavaScript try/catch can stop; measured with sherpa-onnx-node 1.13.8 on an empty file and on a text
 * file named encoder.onnx. So the speech service refuses such files itself.
 *
 * An .onnx file is one protobuf `ModelProto` message. Its top-level fields are few (ir_version, producer,
 * opset imports, the graph, metadata) and the graph is one length-delimited field holding nearly all the
 * bytes, so walking the top-level fields reads a few hundred bytes however large the model is, and still
 * catches a truncated download (the graph's declared length runs past the end of the file). The walk also
 * reads the model's metadata (key/value strings, top-level too): sherpa-onnx reads the model kind from it
 * and crashes when it is absent (see model-files.ts).
 */
import { open, type FileHandle } from 'node:fs/promises';

/** Field numbers of onnx.proto's ModelProto (onnx/onnx.proto, IR version 10). */
const MODEL_FIELDS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 14, 20, 25]);
const IR_VERSION = 1;
const GRAPH = 7;
const METADATA = 14;
/** A metadata entry larger than this is skipped unread (sherpa-onnx's are short numbers and names). */
const MAX_METADATA_BYTES = 64 * 1024;
/** A real model has a handful of opset imports and metadata entries; this bounds the walk. */
const MAX_TOP_LEVEL_FIELDS = 100_000;

/** What the walk found: why the file is not a usable ONNX model (null when sound), and its metadata. */
export interface OnnxInspection {
  problem: string | null;
  metadata: ReadonlyMap<string, string>;
}

interface Varint {
  value: number;
  bytes: number;
}

function readVarint(buffer: Buffer, at: number): Varint | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10 && at + i < buffer.length; i++) {
    const byte = buffer[at + i] as number;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return { value, bytes: i + 1 };
    scale *= 128;
  }
  return null;
}

/** A StringStringEntryProto: key = field 1, value = field 2, both strings. */
function metadataEntry(bytes: Buffer): [string, string] | null {
  const strings: string[] = ['', ''];
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    if (!tag || tag.value % 8 !== 2) return null;
    const length = readVarint(bytes, at + tag.bytes);
    if (!length) return null;
    const start = at + tag.bytes + length.bytes;
    const field = Math.floor(tag.value / 8);
    if (field === 1 || field === 2) strings[field - 1] = bytes.subarray(start, start + length.value).toString('utf8');
    at = start + length.value;
  }
  return [strings[0] as string, strings[1] as string];
}

async function walk(handle: FileHandle, size: number, metadata: Map<string, string>): Promise<string | null> {
  const chunk = Buffer.alloc(24);
  let position = 0;
  let irVersion: number | undefined;
  let graphBytes = 0;
  for (let fields = 0; position < size; fields++) {
    if (fields >= MAX_TOP_LEVEL_FIELDS) return 'has too many top-level fields for an ONNX model';
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    const view = chunk.subarray(0, bytesRead);
    const tag = readVarint(view, 0);
    if (!tag) return `is cut off at byte ${position}`;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (!MODEL_FIELDS.has(field)) return `has bytes at ${position} that are not an ONNX model field`;
    let next = position + tag.bytes;
    if (wire === 0) {
      const value = readVarint(view, tag.bytes);
      if (!value) return `is cut off at byte ${position}`;
      if (field === IR_VERSION) irVersion = value.value;
      next += value.bytes;
    } else if (wire === 2) {
      const length = readVarint(view, tag.bytes);
      if (!length) return `is cut off at byte ${position}`;
      next += length.bytes + length.value;
      if (field === GRAPH) graphBytes += length.value;
      if (field === METADATA && length.value <= MAX_METADATA_BYTES && next <= size) {
        const payload = Buffer.alloc(length.value);
        await handle.read(payload, 0, length.value, position + tag.bytes + length.bytes);
        const entry = metadataEntry(payload);
        if (entry) metadata.set(entry[0], entry[1]);
      }
    } else if (wire === 1) next += 8;
    else if (wire === 5) next += 4;
    else return `has bytes at ${position} that are not an ONNX model field`;
    if (next > size) return `is truncated: it ends at byte ${size} but its content runs to byte ${next} (an incomplete download?)`;
    position = next;
  }
  if (irVersion === undefined || irVersion < 1 || irVersion > 100) return 'has no ONNX IR version';
  if (graphBytes === 0) return 'has no model graph';
  return null;
}

/**
 * Checks an .onnx file's structure without loading it, reading its metadata on the way.
 * @returns problem null when the file looks like a complete ONNX model, else what is wrong ("is empty", "is truncated …")
 * @throws Error when the file cannot be read (the caller reports it as missing)
 */
export async function inspectOnnx(path: string): Promise<OnnxInspection> {
  const handle = await open(path, 'r');
  const metadata = new Map<string, string>();
  try {
    const { size } = await handle.stat();
    if (size === 0) return { problem: 'is empty', metadata };
    return { problem: await walk(handle, size, metadata), metadata };
  } finally {
    await handle.close();
  }
}
