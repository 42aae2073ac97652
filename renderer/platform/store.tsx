/**
 * The app's one Zustand store, as features see it. Each feature adds its slice to `AppState` by interface
 * merging in its slice file, so a feature needs no import of the composition root (app/store.ts builds the
 * store from the slices) and the compiler still checks that the built store has every slice.
 *
 * Components read it through `useAppStore(selector)` from the store the root provides (`StoreProvider`);
 * services are handed the `AppStore` by bootstrap.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { SessionSlice } from './session-slice';

/** The whole state. Features extend it: `declare module '…/platform/store' { interface AppState extends PhoneSlice {} }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- features merge their slices into it
export interface AppState extends SessionSlice {}

/** The store every component reads (through the provider) and the composition root builds. */
export type AppStore = StoreApi<AppState>;

/** What a service is handed by bootstrap: read, act through the slices' actions, subscribe. */
export type ServiceStore = Pick<AppStore, 'getState' | 'subscribe'>;

const StoreContext = createContext<AppStore | null>(null);

/** Provides the store to the components below it (the root once; tests per render). */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for handlers that act on it (most components only need `useAppStore`). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreProvider: render the component inside <StoreProvider store={…}>');
  return store;
}

/** Subscribes the component to what `selector` picks from the app state. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
