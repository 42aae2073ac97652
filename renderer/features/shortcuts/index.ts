/** The shortcuts feature's public surface: what the app and higher features may import. */
export { ShortcutsHelp } from './components/ShortcutsHelp';
export { startShortcuts } from './shortcut-service';
