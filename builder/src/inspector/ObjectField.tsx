import { FieldControl } from './FieldControl.js';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import { isPlainObject, type JsonSchema } from './jsonSchema.js';

export interface PropertyModel {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** The fields of an object, one after another. Used for the whole config and, inside a fieldset, for nested objects. */
export function PropertyFields({ properties, path, value }: { properties: readonly PropertyModel[]; path: FieldProps['path']; value: unknown }) {
  const object = isPlainObject(value) ? value : {};
  return (
    <>
      {properties.map((property) => (
        <FieldControl
          key={property.name}
          schema={property.schema}
          path={[...path, property.name]}
          value={object[property.name]}
          name={property.name}
          required={property.required}
        />
      ))}
    </>
  );
}

export function ObjectField({ schema, path, value, label, required, properties }: FieldProps & { properties: readonly PropertyModel[] }) {
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {() => <PropertyFields properties={properties} path={path} value={value} />}
    </FieldFrame>
  );
}
