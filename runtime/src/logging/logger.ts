import type { NodeLogger } from '@dialogwerk/nodes';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger extends NodeLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>, redact?: (text: string) => string): Logger;
}

/**
 * Structured logger writing to stderr. `redact` scrubs values of variables marked `pii` before anything is
 * written, so a log line can never carry a customer's e-mail address or phone number.
 */
export function createLogger(
  options: { level?: LogLevel; format?: 'pretty' | 'json'; write?: (line: string) => void } = {},
  bindings: Record<string, unknown> = {},
  redact: (text: string) => string = (text) => text,
): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (lvl: LogLevel, message: string, data?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const record = { time: new Date().toISOString(), level: lvl, msg: message, ...bindings, ...data };
    if (options.format === 'json') {
      write(redact(JSON.stringify(record)));
    } else {
      const extra = { ...bindings, ...data };
      const tail = Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
      write(redact(`${record.time} ${lvl.toUpperCase().padEnd(5)} ${message}${tail}`));
    }
  };
  return {
    debug: (m, d) => emit('debug', m, d),
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
    child: (more, childRedact) =>
      createLogger(options, { ...bindings, ...more }, childRedact ? (text) => childRedact(redact(text)) : redact),
  };
}

/** Builds a redactor that replaces the given values (e.g. PII variable values) with "[redacted]". */
export function valueRedactor(values: unknown[]): (text: string) => string {
  const secrets = values
    .filter((value): value is string | number => (typeof value === 'string' && value.length >= 3) || typeof value === 'number')
    .map(String)
    .filter((value) => value.length >= 3);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/** A logger built on first use: most turns log nothing, so they should not pay for bindings and redactors. */
export function lazyLogger(build: () => Logger): Logger {
  let logger: Logger | undefined;
  const get = () => (logger ??= build());
  return {
    debug: (m, d) => get().debug(m, d),
    info: (m, d) => get().info(m, d),
    warn: (m, d) => get().warn(m, d),
    error: (m, d) => get().error(m, d),
    child: (bindings, redact) => get().child(bindings, redact),
  };
}
