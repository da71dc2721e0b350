/** The runtime's public entry: embed Dialogwerk in another Node program or drive it in-process (benchmarks, tools). */
export { readRuntimeConfig, type RuntimeConfig } from './config/runtimeConfig.js';
export { createRuntime, type Runtime } from './server/createRuntime.js';
export { startServer, type RunningServer } from './server/startServer.js';
export { ConversationService, type StartRequest, type StartResponse } from './conversations/conversationService.js';
export type { TurnResponse } from './conversations/chatResponse.js';
export { FlowRepository } from './flows/flowRepository.js';
export { openDatabase, type Database } from './db/openDatabase.js';
