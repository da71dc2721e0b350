import type { BotMessage, Json, NodeLogger, UserInput, VariableAccess } from '../sdk/defineNode.js';
import { coerceToVariableType } from '../sdk/coerceToVariableType.js';

/** One `ctx.record(type, data)` call. */
export interface RecordedEvent {
  type: string;
  data?: Record<string, Json>;
}

/** One `ctx.log.info/warn/error` call. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

/** The conversation as the customer would see it, across all steps of one node under test. */
export type TranscriptEntry = ({ from: 'bot' } & BotMessage) | ({ from: 'user' } & UserInput);

/** Variable types a flow may declare; writes are converted like the engine does it (see `sdk/coerceToVariableType.ts`). */
export type VariableType = 'string' | 'number' | 'boolean' | 'date' | 'file';

/** Conversation variables as the engine keeps them: plain values plus secrets written by `sensitive` nodes. */
export class VariableStore {
  vars: Record<string, Json>;
  secrets: Record<string, Json>;

  constructor(
    vars: Record<string, Json>,
    secrets: Record<string, Json>,
    private readonly types: Record<string, VariableType>,
  ) {
    this.vars = vars;
    this.secrets = secrets;
  }

  get(name: string): Json | undefined {
    return name in this.secrets ? this.secrets[name] : this.vars[name];
  }

  set(name: string, value: Json, sensitive: boolean): void {
    const coerced = coerceToVariableType(this.types[name], value);
    if (sensitive || name in this.secrets) {
      this.secrets[name] = coerced;
      delete this.vars[name];
    } else {
      this.vars[name] = coerced;
    }
  }

  all(): Record<string, Json> {
    return { ...this.vars, ...this.secrets };
  }

  /** `accept` vets each write (it may throw) and returns false to ignore it (late writes after a timeout). */
  access(sensitive: boolean, accept: (name: string, value: unknown) => boolean): VariableAccess {
    return {
      get: (name) => this.get(name),
      set: (name, value) => {
        if (accept(name, value)) this.set(name, value, sensitive);
      },
      all: () => this.all(),
      isSecret: (name) => name in this.secrets,
    };
  }
}

/** A logger that keeps every entry for assertions. */
export function captureLogger(into: LogEntry[], isOpen: () => boolean): NodeLogger {
  const log = (level: LogEntry['level']) => (message: string, data?: Record<string, unknown>) => {
    if (!isOpen()) return;
    into.push(data === undefined ? { level, message } : { level, message, data });
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
