/** The sign-in feature's public surface: what the app may import. */
export { SignInForm } from './components/SignInForm';
export { SignOutButton } from './components/SignOutButton';
export { signInAgent, signOut, type SignInFailure } from './sign-in-service';
export { createSignInSlice, type SignInSlice, type SignInState } from './sign-in-slice';
export { signInMessages } from './messages';
