import { Hono } from 'hono';
import type { Client } from '@libsql/client';
import type { NodeRegistry } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { ConversationService } from '../conversations/conversationService.js';
import type { FlowRepository } from '../flows/flowRepository.js';
import type { Logger } from '../logging/logger.js';
import type { AppEnv } from './appEnv.js';
import { errorResponse } from './errorResponse.js';
import { adminAuth, tokenMatcher } from './adminAuth.js';
import { chatRoutes } from './chatRoutes.js';
import { chatStreamRoutes } from './chatStreamRoutes.js';
import { flowRoutes } from './flowRoutes.js';
import { conversationAdminRoutes } from './conversationAdminRoutes.js';
import type { SecretBox } from '../security/secretBox.js';
import { handoffRoutes } from './handoffRoutes.js';
import { catalogueRoutes } from './catalogueRoutes.js';
import { templateRoutes } from './templateRoutes.js';
import { healthRoutes } from './healthRoutes.js';
import { openApiDocument } from './openApiDocument.js';
import { mountBuilder } from './staticBuilder.js';
import type { RuntimeModule } from '../modules/runtimeModule.js';

export interface AppDependencies {
  client: Client;
  flows: FlowRepository;
  registry: NodeRegistry;
  conversations: ConversationService;
  log: Logger;
  adminToken: () => string;
  builderDist?: string;
  /** Decrypts conversation secrets so staff views can tell which variables to mask. */
  box?: SecretBox;
  /** Flow templates (`GET /v1/templates`); defaults to the repository's `examples/flows`. */
  templatesDir?: string;
  version?: string;
  /** Embedded capabilities and plugins with their own routes. */
  modules?: RuntimeModule[];
}

export function createApp(deps: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const isAdminToken = tokenMatcher(deps.adminToken);
  app.use('*', async (c, next) => {
    c.set('isAdminToken', isAdminToken);
    await next();
  });
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) =>
    errorResponse(new ApiError(404, 'NOT_FOUND', { de: 'Diese Adresse gibt es nicht.', en: 'No such route.' }, { path: c.req.path }), c, deps.log),
  );

  // Public routes first: they answer before the admin check below is reached.
  let openApi: unknown;
  app.get('/v1/openapi.json', (c) => c.json((openApi ??= openApiDocument(deps.version ?? '0.1.0'))));
  app.route('/v1', healthRoutes(deps.client, deps.version ?? '0.1.0'));
  app.route('/v1', chatStreamRoutes(deps.conversations, deps.log)); // SSE replies; other requests fall through
  app.route('/v1', chatRoutes(deps.conversations));
  for (const module of deps.modules ?? []) if (module.publicRoutes) app.route('/v1', module.publicRoutes);

  const admin = new Hono<AppEnv>();
  admin.use('*', adminAuth());
  admin.route('/', flowRoutes(deps));
  admin.route('/', conversationAdminRoutes(deps.client, { box: deps.box }));
  admin.route('/', handoffRoutes(deps.client, deps.conversations));
  admin.route('/', catalogueRoutes(deps.registry));
  admin.route('/', templateRoutes({ registry: deps.registry, directory: deps.templatesDir, log: deps.log }));
  for (const module of deps.modules ?? []) if (module.adminRoutes) admin.route('/', module.adminRoutes);
  app.route('/v1', admin);

  if (deps.builderDist) mountBuilder(app, deps.builderDist);
  return app;
}
