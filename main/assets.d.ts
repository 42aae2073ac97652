/** electron-vite's `?asset` import (main/features/tray/tray-icons.ts): the file is emitted into out/main, the import is its absolute path. */
declare module '*?asset' {
  const path: string;
  export default path;
}
