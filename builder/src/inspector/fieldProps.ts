import type { FieldPath, JsonSchema } from './jsonSchema.js';

/** Props of every field component. */
export interface FieldProps {
  schema: JsonSchema;
  path: FieldPath;
  value: unknown;
  /** The label shown, already in the UI language. */
  label: string;
  required: boolean;
}
