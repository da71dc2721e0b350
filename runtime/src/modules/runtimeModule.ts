import type { Hono } from 'hono';
import type { FlowProblem, Services } from '@dialogwerk/nodes';
import type { AppEnv } from '../api/appEnv.js';
import type { RuntimeConfig } from '../config/runtimeConfig.js';
import type { Database } from '../db/openDatabase.js';
import type { Logger } from '../logging/logger.js';
import type { SecretBox } from '../security/secretBox.js';
import type { DomainEvents } from '../events/domainEvents.js';

/** What a runtime module may use: the database, config, logger, secret box and the domain events after commit. */
export interface ModuleDependencies {
  database: Database;
  config: RuntimeConfig;
  log: Logger;
  box: SecretBox;
  events: DomainEvents;
  /**
   * Call after deleting conversations from the database yourself (e.g. a contact's erasure): the runtime drops them
   * from its conversation cache, so their tokens stop working at once, and every module's `onConversationsDeleted`
   * removes what it keeps of them (uploaded files). Never throws; failures are logged.
   */
  conversationsDeleted(conversationIds: string[]): Promise<void>;
}

/**
 * One embedded capability of the runtime (built-in calendar, inventory, contacts, knowledge bases, LLM settings, files):
 * the service implementations nodes use, plus its HTTP routes. Modules keep `createRuntime` and `createApp` free of
 * per-feature code; adding a capability is one entry in `embeddedModules`.
 */
export interface RuntimeModule {
  name: string;
  /** Service implementations; later modules (plugins) override earlier ones. */
  services?: Services;
  /** Routes under `/v1` that require the admin token. */
  adminRoutes?: Hono<AppEnv>;
  /** Routes under `/v1` without the admin token (they check their own credentials, e.g. an ICS feed token). */
  publicRoutes?: Hono<AppEnv>;
  /**
   * Environment-dependent flow warnings (e.g. a node needing a language model the server does not have); merged into
   * the problems of the validate, save and publish responses. The pure validator cannot know the server's settings.
   */
  flowWarnings?(document: unknown): Promise<FlowProblem[]>;
  /** Conversations were deleted outside the engine (see `ModuleDependencies.conversationsDeleted`); drop your data of them. */
  onConversationsDeleted?(conversationIds: string[]): Promise<void> | void;
  close?(): Promise<void> | void;
}

export type RuntimeModuleFactory = (deps: ModuleDependencies) => RuntimeModule | Promise<RuntimeModule>;
