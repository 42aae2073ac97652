/** The shortcuts feature's public surface: what the app and higher features may import. */
export { ShortcutsHelp } from './components/ShortcutsHelp';
export { shortcutsMessages } from './messages';
export { startShortcuts } from './shortcut-service';
