/** Who is signed in under a `sip.uriTemplate` policy, and what the sign-in form shows. */
import type { StateCreator } from 'zustand';
import type { SignInFailure } from './sign-in-service';

export type SignInState =
  /** The policy names a fixed agent: no form, no Sign out. */
  | { status: 'not-needed' }
  /** The form shows; `checking` while the registrar is asked; `error` after a refusal. */
  | { status: 'form'; agentId: string; checking: boolean; error?: SignInFailure; mayRemember: boolean }
  | { status: 'signed-in'; agentId: string };

export interface SignInSlice {
  signIn: SignInState;
  setSignIn(signIn: SignInState): void;
}

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends SignInSlice {}
}

export const createSignInSlice: StateCreator<SignInSlice, [], [], SignInSlice> = (set) => ({
  signIn: { status: 'not-needed' },
  setSignIn: (signIn) => set({ signIn }),
});
