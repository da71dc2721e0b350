import { ArrayField, TupleField } from './ArrayField.js';
import { fieldModel } from './fieldModel.js';
import { JsonField } from './JsonField.js';
import type { FieldPath, JsonSchema } from './jsonSchema.js';
import { fieldLabel } from './localizedTitle.js';
import { LocalizedListField, LocalizedTextField } from './LocalizedFields.js';
import { ObjectField } from './ObjectField.js';
import { RecordField } from './RecordField.js';
import { BooleanField, EnumField, EnumSetField, NumberField, StringField, VariableField } from './ScalarFields.js';
import { useSchemaForm } from './SchemaFormContext.js';

interface FieldControlProps {
  schema: JsonSchema;
  path: FieldPath;
  value: unknown;
  /** The property name, used as the label when the schema has no title. */
  name: string | number;
  required: boolean;
  /** Overrides the label (array items are "Choices 2"). */
  label?: string;
}

/** Renders the control the schema asks for (see `fieldModel`). */
export function FieldControl({ schema, path, value, name, required, label }: FieldControlProps) {
  const { language } = useSchemaForm();
  const props = { schema, path, value, required, label: label ?? fieldLabel(schema.title, name, language) };
  const model = fieldModel(schema);
  switch (model.kind) {
    case 'localizedText':
      return <LocalizedTextField {...props} />;
    case 'localizedList':
      return <LocalizedListField {...props} />;
    case 'variable':
      return <VariableField {...props} />;
    case 'enum':
      return <EnumField {...props} options={model.options} />;
    case 'enumSet':
      return <EnumSetField {...props} options={model.options} />;
    case 'string':
      return <StringField {...props} />;
    case 'number':
      return <NumberField {...props} integer={model.integer} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'object':
      return <ObjectField {...props} properties={model.properties} />;
    case 'record':
      return <RecordField {...props} values={model.values} keys={model.keys} />;
    case 'array':
      return <ArrayField {...props} items={model.items} />;
    case 'tuple':
      return <TupleField {...props} items={model.items} />;
    case 'json':
      return <JsonField {...props} />;
  }
}
