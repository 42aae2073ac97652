import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TeamBoard } from '@renderer/features/supervision/components/TeamBoard';
import type { TeamMember } from '@renderer/features/supervision/board/team-types';
import { render, useStore } from '../../../support/app-store';

const member = (name: string, patch: Partial<TeamMember> = {}): TeamMember => ({ uri: `sip:${name}@pbx`, name, state: 'ready', sinceMs: Date.now(), alerts: [], link: 'live', ...patch });

describe('the Team board\'s overdue callbacks (issue 27)', () => {
  it('an agent with overdue callbacks shows how many beside the state; one without shows nothing', () => {
    useStore.getState().setTeam([member('Chen', { overdueCallbacks: 2 }), member('Ann')]);
    render(<TeamBoard />);
    expect(within(screen.getByRole('row', { name: 'Chen' })).getAllByRole('cell')[0]?.textContent).toBe('Ready · 2 overdue callbacks');
    expect(within(screen.getByRole('row', { name: 'Ann' })).getAllByRole('cell')[0]?.textContent).toBe('Ready');
  });
});
