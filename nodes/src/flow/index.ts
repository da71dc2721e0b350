export { validateFlow, type FlowValidation } from './validateFlow.js';
export { migrateFlow, migrateFlowFormat, flowFormatMigrations, type FlowFormatMigration, type FlowFormatOutcome } from './migrateFlow.js';
export {
  flowProblemCodes,
  flowProblemCodeList,
  severityOf,
  type FlowProblem,
  type FlowProblemCode,
  type FlowProblemPath,
  type FlowProblemSeverity,
} from './flowProblem.js';
export { problemMessages, problemMessage, type ProblemParams } from './problemMessages.js';
export { flowJsonSchema, flowJsonSchemaText, FLOW_SCHEMA_ID } from './flowJsonSchema.js';
