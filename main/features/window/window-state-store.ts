/**
 * `<userData>/window-state.json`: the window's remembered placements (placement.ts) and whether the agent has been
 * told that closing the window hides it to the tray. A missing or unreadable file is an empty memory (the window
 * opens at its default place), never a failed start; writes go through a temporary file and a rename.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EMPTY_MEMORY, placementMemorySchema, type PlacementMemory } from './placement';

const windowStateSchema = z.strictObject({
  placements: placementMemorySchema,
  /** The one-time "Lingxi is still running" notice has been shown. */
  closeToTrayNoticeShown: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** The file operations the store needs (node:fs's synchronous ones: the file is a few hundred bytes). */
export interface WindowStateFiles {
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  rename: (from: string, to: string) => void;
}

/** WindowStateFiles on the real file system. */
export const nodeWindowStateFiles: WindowStateFiles = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  rename: renameSync,
};

export interface WindowStateStore {
  get(): WindowState;
  /** Changes the state and writes the file; a failed write is reported, and the state still changes in memory. */
  update(change: (state: WindowState) => WindowState): void;
}

/**
 * Opens the store.
 * @param onProblem told when the file cannot be read as window state (it is then ignored) or cannot be written
 */
export function openWindowStateStore(file: string, files: WindowStateFiles, onProblem: (message: string, error?: unknown) => void): WindowStateStore {
  let state: WindowState = { placements: EMPTY_MEMORY, closeToTrayNoticeShown: false };
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(files.readFile(file)));
    if (parsed.success) state = parsed.data;
    else onProblem(`${file} is not window state (${parsed.error.issues[0]?.message ?? 'invalid'}): the window opens at its default place`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onProblem(`${file} could not be read: the window opens at its default place`, error);
  }
  return {
    get: () => state,
    update(change) {
      state = change(state);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        files.writeFile(temporary, JSON.stringify(state));
        files.rename(temporary, file);
      } catch (error) {
        onProblem(`${file} could not be written`, error);
      }
    },
  };
}

export type { PlacementMemory };
