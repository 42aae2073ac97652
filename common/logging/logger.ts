/**
 * The logger shape every process shares (Signal-style scoped loggers): main writes lines to its log file,
 * the renderer sends them to main over IPC 'log:write'. The error goes beside the message, not into a
 * template string, so its stack reaches the line (describeError in ../errors.ts).
 */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** A scoped logger (`createLogger('phone')`): `log.error('answer failed', error)`. */
export type Logger = Record<LogLevel, (message: string, error?: unknown) => void>;
