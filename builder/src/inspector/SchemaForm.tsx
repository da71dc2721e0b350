import { useCallback, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../i18n/uiLanguage.js';
import { checkValue, type SchemaCheck } from './checkValue.js';
import { FieldControl } from './FieldControl.js';
import { fieldModel } from './fieldModel.js';
import type { FieldPath, JsonSchema } from './jsonSchema.js';
import { PropertyFields } from './ObjectField.js';
import { indexProblems, unplacedProblems, type FieldProblem } from './problemIndex.js';
import { SchemaFormContext, type SchemaFormSettings } from './SchemaFormContext.js';
import { shownPaths } from './shownPaths.js';
import { withValueAt } from './valueAtPath.js';
import type { VariableType } from './newVariable.js';
import './schemaForm.css';

export interface SchemaFormProps {
  /** The node type's `configSchema` from the node catalogue (GET /v1/nodes). */
  schema: JsonSchema;
  /** The node's current config. */
  value: unknown;
  /** Called with the whole new config after every edit. */
  onChange: (value: unknown) => void;
  /** The flow's locales, default first: one text field per locale when there are several. */
  locales: readonly string[];
  /** The flow's declared variables, for variable selects and the `{{variable}}` picker. */
  variables: readonly string[];
  /** Problems from the runtime's validation, addressed by config path; shown next to their fields. */
  problems?: readonly FieldProblem[];
  /** Separates the element ids of several forms on one page; defaults to a React id. */
  idPrefix?: string;
  /** Declares a flow variable from a variable field ("New variable…"); without it, only declared ones can be chosen. */
  onDeclareVariable?: (name: string, type: VariableType) => void;
}

/**
 * The inspector's form for one node's config, generated from its JSON Schema and the schema's UI hints only.
 *
 * @example
 * <SchemaForm schema={entry.configSchema} value={node.config} onChange={setConfig} locales={['de', 'en']} variables={['name']} problems={problems} />
 */
export function SchemaForm({ schema, value, onChange, locales, variables, problems = [], idPrefix, onDeclareVariable }: SchemaFormProps) {
  const { t, i18n } = useTranslation(['inspector']);
  const reactId = useId();
  const prefix = idPrefix ?? `schema-form${reactId.replace(/[^A-Za-z0-9]/g, '')}`;
  const language: UiLanguage = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  // Edits arrive from fields that rendered with an older config; applying them to the latest one keeps quick edits.
  const latest = useRef(value);
  latest.current = value;
  const change = useCallback(
    (path: FieldPath, next: unknown) => {
      latest.current = withValueAt(latest.current, path, next);
      onChange(latest.current);
    },
    [onChange],
  );
  const describe = useCallback((check: SchemaCheck) => t(`inspector:check.${check.code}`, { limit: check.limit }), [t]);
  const messages = useMemo(() => indexProblems(problems, checkValue(schema, value ?? {}), describe), [problems, schema, value, describe]);
  const unplaced = useMemo(() => unplacedProblems(messages, shownPaths(schema, value, locales)), [messages, schema, value, locales]);
  const settings = useMemo<SchemaFormSettings>(
    () => ({ idPrefix: prefix, language, locales, variables, messages, change, declareVariable: onDeclareVariable }),
    [prefix, language, locales, variables, messages, change, onDeclareVariable],
  );
  const model = fieldModel(schema);
  return (
    <SchemaFormContext.Provider value={settings}>
      <div className="schema-form">
        {unplaced.length > 0 && (
          <div className="schema-form__problems" role="group" aria-label={t('inspector:form.problems')}>
            <ul className="schema-form__errors" role="list">
              {unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {model.kind === 'object' ? (
          model.properties.length === 0 ? (
            <p className="schema-form__empty">{t('inspector:form.noFields')}</p>
          ) : (
            <PropertyFields properties={model.properties} path={[]} value={value} />
          )
        ) : (
          <FieldControl schema={schema} path={[]} value={value} name="config" required />
        )}
      </div>
    </SchemaFormContext.Provider>
  );
}
