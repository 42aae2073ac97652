/** Child loggers per feature; every line is redacted before it leaves the renderer. */
import type { LogEntry } from '@common/contract/ipc';
import { redact } from '@common/contract/redact';
import { getHost } from './host';

export type Logger = Record<LogEntry['level'], (message: string) => void>;

export function createLogger(scope: string): Logger {
  const write = (level: LogEntry['level']) => (message: string) => {
    void getHost()
      .log.write({ level, scope, message: redact(message).slice(0, 4000) })
      .catch(() => undefined);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
