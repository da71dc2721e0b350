import path from 'node:path';
import type { SynchronousMode } from '../db/openDatabase.js';
import { readLlmEnvironment, type LlmEnvironment } from '../llm/llmEnvironment.js';

export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  synchronous: SynchronousMode;
  adminToken?: string;
  secret?: string;
  /** Logs as JSON lines (for log shippers) instead of readable lines. */
  logFormat: 'pretty' | 'json';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Seconds between retention purges; 0 disables the background job (the CLI `purge` still works). */
  purgeIntervalSeconds: number;
  exampleFlows: boolean;
  /** Language model provider from the environment (see docs/LLM.md); admin settings may override it. */
  llm: LlmEnvironment;
}

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  const upper = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
  if (!upper) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return upper;
}

/** Reads the environment variables the public contract and README document. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: integer('PORT', env.PORT, 8787, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || `file:${path.join(dataDir, 'dialogwerk.db')}`,
    synchronous: oneOf('DIALOGWERK_DB_SYNCHRONOUS', env.DIALOGWERK_DB_SYNCHRONOUS, ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const, 'NORMAL'),
    adminToken: env.DIALOGWERK_ADMIN_TOKEN || undefined,
    secret: env.DIALOGWERK_SECRET || undefined,
    logFormat: oneOf('DIALOGWERK_LOG_FORMAT', env.DIALOGWERK_LOG_FORMAT, ['pretty', 'json'] as const, 'pretty'),
    logLevel: oneOf('DIALOGWERK_LOG_LEVEL', env.DIALOGWERK_LOG_LEVEL, ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    purgeIntervalSeconds: integer('DIALOGWERK_PURGE_INTERVAL', env.DIALOGWERK_PURGE_INTERVAL, 3600, 0, 7 * 86400),
    exampleFlows: env.DIALOGWERK_EXAMPLES !== '0',
    llm: readLlmEnvironment(env),
  };
}
