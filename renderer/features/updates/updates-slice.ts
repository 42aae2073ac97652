/** What the host last said about updates and the kill switch (null until it says anything). */
import type { StateCreator } from 'zustand';
import type { UpdateStatus } from '@common/updates/update-status';

export interface UpdatesSlice {
  updateStatus: UpdateStatus | null;
  setUpdateStatus(status: UpdateStatus | null): void;
}

export const createUpdatesSlice: StateCreator<UpdatesSlice, [], [], UpdatesSlice> = (set) => ({
  updateStatus: null,
  setUpdateStatus: (updateStatus) => set({ updateStatus }),
});

/** Whether the kill switch blocks this version (blocked or below the minimum). */
export const selectVersionBlocked = (state: Pick<UpdatesSlice, 'updateStatus'>): boolean =>
  state.updateStatus !== null && state.updateStatus.verdict.kind !== 'allowed';

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends UpdatesSlice {}
}
