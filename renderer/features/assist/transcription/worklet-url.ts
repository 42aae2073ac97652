/**
 * The bundled tap worklet's URL. Kept in its own module so unit tests (which have no AudioWorklet) can import
 * everything else without asking Vite to bundle a worker.
 */
import tapWorkletUrl from './tap.worklet.ts?worker&url';

export default tapWorkletUrl;
