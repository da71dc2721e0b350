import { useTranslation } from 'react-i18next';
import { FieldControl } from './FieldControl.js';
import { emptyValue } from './fieldModel.js';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import type { JsonSchema } from './jsonSchema.js';
import { movedItem, withoutItem } from './valueAtPath.js';
import { useSchemaForm } from './SchemaFormContext.js';

/** Once React has rendered the change, focuses the first of these elements that exists and is enabled. */
function focusSoon(...ids: string[]) {
  requestAnimationFrame(() => {
    const target = ids.map((id) => document.getElementById(id)).find((element) => element && !element.hasAttribute('disabled'));
    target?.focus();
  });
}

/** A list of items with add, remove and move up/down; each item is a field of the item schema ("Choices 2"). */
export function ArrayField({ schema, path, value, label, required, items }: FieldProps & { items: JsonSchema }) {
  const { t } = useTranslation(['inspector']);
  const { change } = useSchemaForm();
  const list = Array.isArray(value) ? value : [];
  const full = schema.maxItems !== undefined && list.length >= schema.maxItems;
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {({ id }) => (
        <>
          {list.length === 0 && <p className="schema-form__empty">{t('inspector:array.empty')}</p>}
          <ol className="schema-form__items">
            {list.map((item, index) => {
              const itemLabel = t('inspector:array.item', { label, number: index + 1 });
              const buttonId = (action: string, at: number) => `${id}-item${at}-${action}`;
              const move = (to: number) => {
                change(path, movedItem(list, index, to));
                // Focus follows the moved item; at the top or bottom its other move button (this one is disabled there).
                const [same, other] = to < index ? ['up', 'down'] : ['down', 'up'];
                focusSoon(buttonId(same, to), buttonId(other, to));
              };
              return (
                <li key={index} className="schema-form__item">
                  <FieldControl schema={items} path={[...path, index]} value={item} name={index} required label={itemLabel} />
                  <div className="schema-form__item-actions">
                    <button type="button" id={buttonId('up', index)} disabled={index === 0} aria-label={t('inspector:array.moveUp', { item: itemLabel })} onClick={() => move(index - 1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      id={buttonId('down', index)}
                      disabled={index === list.length - 1}
                      aria-label={t('inspector:array.moveDown', { item: itemLabel })}
                      onClick={() => move(index + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('inspector:array.remove', { item: itemLabel })}
                      onClick={() => {
                        change(path, withoutItem(list, index));
                        focusSoon(`${id}-add`);
                      }}
                    >
                      ✕
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button type="button" id={`${id}-add`} disabled={full} aria-label={t('inspector:array.addTo', { label })} onClick={() => change(path, [...list, emptyValue(items)])}>
            + {t('inspector:array.add')}
          </button>
        </>
      )}
    </FieldFrame>
  );
}

/** A fixed-length list such as an opening-hours range ["08:00", "12:00"]: one field per position. */
export function TupleField({ schema, path, value, label, required, items }: FieldProps & { items: readonly JsonSchema[] }) {
  const { t } = useTranslation(['inspector']);
  const list = Array.isArray(value) ? value : [];
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {() => (
        <div className="schema-form__tuple">
          {items.map((item, index) => (
            <FieldControl
              key={index}
              schema={item}
              path={[...path, index]}
              value={list[index]}
              name={index}
              required
              label={t('inspector:array.item', { label, number: index + 1 })}
            />
          ))}
        </div>
      )}
    </FieldFrame>
  );
}
