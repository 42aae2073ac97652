/** The lead's team board in the store: one row per agent in `supervision.team`, in policy order. */
import type { StateCreator } from 'zustand';
import type { TeamMember } from './team-types';

export interface TeamSlice {
  team: TeamMember[];
  /** Replaces the rows (the board service seeds them from the policy). */
  setTeam(team: TeamMember[]): void;
  /** Replaces one agent's row (no-op for an agent not on the team). */
  updateMember(uri: string, next: (member: TeamMember) => TeamMember): void;
  /** The agent's own raised hand ("Ask for help"). */
  helpRaised: boolean;
  setHelpRaised(raised: boolean): void;
}

export const createTeamSlice: StateCreator<TeamSlice, [], [], TeamSlice> = (set) => ({
  team: [],
  helpRaised: false,
  setHelpRaised: (helpRaised) => set({ helpRaised }),
  setTeam: (team) => set({ team }),
  updateMember: (uri, next) =>
    set((state) => {
      const index = state.team.findIndex((m) => m.uri === uri);
      const current = state.team[index];
      if (!current) return {};
      const updated = next(current);
      if (updated === current) return {};
      const team = state.team.slice();
      team[index] = updated;
      return { team };
    }),
});

export const selectTeam = (s: TeamSlice): TeamMember[] => s.team;

declare module '../../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends TeamSlice {}
}
