/** The devices feature's public surface: what the app and higher features may import. */
export { AudioSettings } from './components/AudioSettings';
export { startDevices } from './devices-service';
export { createDevicesSlice, selectRingerSinkId, selectSpeakerSinkId } from './devices-slice';
