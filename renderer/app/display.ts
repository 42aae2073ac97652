/**
 * Theme and density: the policy's defaults (ui.theme, ui.density), the agent's own choice over them
 * (Display settings, kept in the settings table), applied as data-theme / data-density on <html> so the
 * stylesheet's tokens switch at once. 'system' leaves the colours to prefers-color-scheme.
 */
import type { Density, Policy, Theme } from '@common/contract/policy';
import { readSetting, writeSetting } from '../db/settings-repo';

export interface Display {
  theme: Theme;
  density: Density;
}

const THEME_KEY = 'ui.theme';
const DENSITY_KEY = 'ui.density';

/** The display in force now (the attributes on <html>; system and comfortable until the policy loads). */
export function currentDisplay(): Display {
  const { theme, density } = document.documentElement.dataset;
  return { theme: (theme as Theme | undefined) ?? 'system', density: (density as Density | undefined) ?? 'comfortable' };
}

/** Applies a display to the document. */
export function applyDisplay({ theme, density }: Display): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  root.dataset.density = density;
}

/** At start: the agent's stored choice, else the policy's default. */
export async function restoreDisplay(policy: Policy): Promise<void> {
  const [theme, density] = await Promise.all([readSetting<Theme>(THEME_KEY).catch(() => undefined), readSetting<Density>(DENSITY_KEY).catch(() => undefined)]);
  applyDisplay({ theme: theme ?? policy.ui.theme, density: density ?? policy.ui.density });
}

/** The agent changed the display: applied at once, remembered for the next start. */
export async function chooseDisplay(display: Display): Promise<void> {
  applyDisplay(display);
  await Promise.all([writeSetting(THEME_KEY, display.theme), writeSetting(DENSITY_KEY, display.density)]);
}
