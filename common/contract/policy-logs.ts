/**
 * The `logs` policy section (issue 23 §3): how much of the desktop's log IT keeps on each machine. The log is
 * one rotating set of JSON-lines files under `<userData>/logs` (main/features/logging): `lingxi.log`, then
 * `lingxi.log.1` (the newest full file) up to `lingxi.log.<maxFiles − 1>`; the oldest is deleted when a new
 * file starts. Pure zod.
 */
import { z } from 'zod';

export const logsPolicySchema = z
  .strictObject({
    /** A file is closed and a new one started when it would grow past this (MB, 1–100). */
    maxFileMb: z.number().min(1).max(100).default(5),
    /** Files kept, the one being written included (2–50); at most maxFileMb × maxFiles on disk. */
    maxFiles: z.number().int().min(2).max(50).default(5),
  })
  .prefault({});

export type LogsPolicy = z.infer<typeof logsPolicySchema>;

/** The built-in limits, before (or without) a valid policy. */
export const DEFAULT_LOGS_POLICY: LogsPolicy = logsPolicySchema.parse({});
