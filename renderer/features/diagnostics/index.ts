/** The diagnostics feature's public surface: what the app may import. */
export { ExportDiagnostics } from './components/ExportDiagnostics';
export { exportDiagnostics, startDiagnostics } from './diagnostics-service';
export { createDiagnosticsSlice } from './diagnostics-slice';
