import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasContext, useCanvasUi } from './CanvasContext.js';
import type { SidePanelId } from './canvasUiStore.js';
import { NodeInspector } from './NodeInspector.js';
import { countErrors } from './review/problemOrder.js';
import { ProblemsPanel } from './review/ProblemsPanel.js';
import { VersionsPanel } from './review/VersionsPanel.js';
import { CanvasTestChat } from './testRun/CanvasTestChat.js';

const PANELS: readonly SidePanelId[] = ['inspector', 'problems', 'test', 'versions'];

/**
 * The tabs beside the canvas. Every panel stays mounted while hidden, so a running test chat or a half-typed publish
 * note survives a look at the properties.
 */
export function SidePanel() {
  const { t } = useTranslation();
  const { ui } = useCanvasContext();
  const panel = useCanvasUi((state) => state.panel);
  const errors = useCanvasUi((state) => countErrors(state.problems));
  const warnings = useCanvasUi((state) => state.problems.length) - errors;
  const baseId = useId();
  const tabId = (id: SidePanelId) => `${baseId}-tab-${id}`;
  const panelId = (id: SidePanelId) => `${baseId}-panel-${id}`;

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = PANELS[(PANELS.indexOf(panel) + step + PANELS.length) % PANELS.length]!;
    ui.getState().openPanel(next);
    document.getElementById(tabId(next))?.focus();
  };

  const labels: Record<SidePanelId, ReactNode> = {
    inspector: t('canvas.panels.inspector'),
    problems: (
      <>
        {t('canvas.panels.problems')}
        {errors > 0 && <span className="badge badge-danger tab-count">{errors}</span>}
        {errors === 0 && warnings > 0 && <span className="badge badge-warning tab-count">{warnings}</span>}
      </>
    ),
    test: t('canvas.panels.test'),
    versions: t('canvas.panels.versions'),
  };
  const content: Record<SidePanelId, ReactNode> = {
    inspector: <NodeInspector />,
    problems: <ProblemsPanel />,
    test: <CanvasTestChat />,
    versions: <VersionsPanel />,
  };

  return (
    <div className="side-panel">
      <div role="tablist" aria-label={t('canvas.panels.label')} className="side-panel-tabs" onKeyDown={onKeyDown}>
        {PANELS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            aria-selected={panel === id}
            aria-controls={panelId(id)}
            tabIndex={panel === id ? 0 : -1}
            className="side-panel-tab"
            data-panel={id}
            onClick={() => ui.getState().openPanel(id)}
          >
            {labels[id]}
          </button>
        ))}
      </div>
      {PANELS.map((id) => (
        <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={panel !== id} className="side-panel-body">
          {content[id]}
        </div>
      ))}
    </div>
  );
}
