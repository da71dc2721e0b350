import { createContext, useContext } from 'react';
import type { UiLanguage } from '../i18n/uiLanguage.js';
import type { FieldPath } from './jsonSchema.js';
import type { VariableType } from './newVariable.js';

/** What every field of one form needs: where to send changes, the flow's locales and variables, messages per path. */
export interface SchemaFormSettings {
  idPrefix: string;
  language: UiLanguage;
  locales: readonly string[];
  variables: readonly string[];
  messages: ReadonlyMap<string, readonly string[]>;
  change: (path: FieldPath, value: unknown) => void;
  /** Declares a new flow variable (absent where the form cannot change the flow, e.g. a read-only view). */
  declareVariable?: (name: string, type: VariableType) => void;
}

export const SchemaFormContext = createContext<SchemaFormSettings | null>(null);

export function useSchemaForm(): SchemaFormSettings {
  const settings = useContext(SchemaFormContext);
  if (!settings) throw new Error('Schema form fields must be rendered inside <SchemaForm>.');
  return settings;
}
