/**
 * The app store for component tests: one per test file (Vitest isolates modules per file), provided to
 * every `render` the way the app's root provides it.
 */
import { render as renderInDom, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createAppStore } from '@renderer/app/store';
import { StoreProvider } from '@renderer/platform/store';

export const useStore = createAppStore();

/** Testing Library's render, inside the StoreProvider. */
export function render(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  return renderInDom(ui, { ...options, wrapper: ({ children }: { children: ReactNode }) => <StoreProvider store={useStore}>{children}</StoreProvider> });
}
