import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeCatalogueEntry } from '../api/types.js';
import { NodeIcon } from './NodeIcon.js';
import { paletteGroups } from './paletteGroups.js';

/** The dataTransfer type a palette item carries; its value is the node type. */
export const PALETTE_DRAG_TYPE = 'application/x-dialogwerk-node';

interface NodePaletteProps {
  entries: NodeCatalogueEntry[];
  /** Keyboard and click alternative to dragging: adds the node in the middle of the view. */
  onAdd: (entry: NodeCatalogueEntry) => void;
}

/** The node types from the runtime's catalogue, grouped by category and searchable; drag one onto the canvas. */
export function NodePalette({ entries, onAdd }: NodePaletteProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groups = useMemo(() => paletteGroups(entries, query, language), [entries, query, language]);

  const startDrag = (event: DragEvent, entry: NodeCatalogueEntry) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, entry.type);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className="palette" aria-label={t('canvas.palette.title')}>
      <label htmlFor={searchId} className="palette-search-label">
        {t('canvas.palette.search')}
      </label>
      <input id={searchId} type="search" className="palette-search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {groups.length === 0 && <p className="muted">{t('canvas.palette.noMatch')}</p>}
      {groups.map((group) => (
        <section key={group.category} className="palette-group">
          <h2 className="palette-group-title">{t(`canvas.categories.${group.category}`, { defaultValue: group.category })}</h2>
          <ul>
            {group.items.map(({ entry, label, description }) => (
              <li key={entry.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  data-node-type={entry.type}
                  title={description}
                  aria-label={t('canvas.palette.add', { label })}
                  onDragStart={(event) => startDrag(event, entry)}
                  onClick={() => onAdd(entry)}
                >
                  <span className="flow-node-icon" aria-hidden="true">
                    <NodeIcon name={entry.icon} />
                  </span>
                  <span>{label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
