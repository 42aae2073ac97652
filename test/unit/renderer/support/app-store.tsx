/**
 * The app store for component tests, provided to every `render` the way the app's root provides it. The
 * renderer project shares modules between files (vitest.config.ts: isolate false), so this one store is shared
 * too: setup-shared.ts puts its language back to English before every test.
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
