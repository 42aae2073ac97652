/** The desktop feature's public surface: what the app may import. */
export { deskStatusOf, startDesktop } from './desktop-service';
