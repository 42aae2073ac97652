/** The click-to-dial feature's public surface: what the app may import. */
export { DialDialog } from './components/DialDialog';
export { DialHandedOff } from './components/DialHandedOff';
export { startClickToDial, type ClickToDialDeps, type DialCommands } from './dial-service';
export { createClickToDialSlice } from './dial-slice';
