export { SchemaForm, type SchemaFormProps } from './SchemaForm.js';
export type { FieldProblem } from './problemIndex.js';
export type { FieldPath, JsonSchema } from './jsonSchema.js';
