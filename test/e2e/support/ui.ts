/**
 * The app's controls by role and accessible name (English UI): the names DESIGN.md promises to keep stable.
 */
import type { Locator, Page } from '@playwright/test';

export interface AppUi {
  status: Locator;
  number: Locator;
  button(name: string): Locator;
  incoming: Locator;
  currentCall: Locator;
  duration: Locator;
  history: Locator;
  historyItems: Locator;
  agentState: Locator;
  policyProblems: Locator;
  remoteAudio: Locator;
}

export function appUi(page: Page): AppUi {
  const history = page.getByRole('region', { name: 'Call history' });
  return {
    status: page.getByRole('status', { name: 'Registration status' }),
    number: page.getByRole('textbox', { name: 'Number' }),
    button: (name) => page.getByRole('button', { name, exact: true }),
    incoming: page.getByRole('region', { name: 'Incoming call' }),
    currentCall: page.getByRole('region', { name: 'Current call' }),
    duration: page.getByRole('timer', { name: 'Call duration' }),
    history,
    historyItems: history.getByRole('listitem'),
    agentState: page.getByRole('combobox', { name: 'Agent state' }),
    policyProblems: page.getByRole('alert', { name: 'Policy problems' }),
    remoteAudio: page.locator('[data-testid="remote-audio"]'),
  };
}
