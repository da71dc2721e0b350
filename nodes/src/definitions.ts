/** Browser-safe entry: node definitions, the flow schema and validation, without any node's `run`. */
export * from './flow/flowDocument.js';
export * from './flow/index.js';
export * from './sdk/defineNode.js';
export * from './sdk/nodeRegistry.js';
export * from './sdk/migrateNodeConfig.js';
export * from './sdk/text.js';
export * from './sdk/template.js';
export * from './sdk/coerceToVariableType.js';
export type * from './sdk/services.js';
export * from './i18n/localized.js';
export { messageNode } from './core/message/message.node.js';
export { askNode } from './core/ask/ask.node.js';
export { conditionNode } from './core/condition/condition.node.js';
export { setNode } from './core/set/set.node.js';
export { endNode } from './core/end/end.node.js';
export { httpRequestNode } from './core/httpRequest/httpRequest.node.js';
import { messageNode } from './core/message/message.node.js';
import { askNode } from './core/ask/ask.node.js';
import { conditionNode } from './core/condition/condition.node.js';
import { setNode } from './core/set/set.node.js';
import { endNode } from './core/end/end.node.js';
import { httpRequestNode } from './core/httpRequest/httpRequest.node.js';

export const coreNodeDefinitions = [messageNode, askNode, conditionNode, setNode, endNode, httpRequestNode];
