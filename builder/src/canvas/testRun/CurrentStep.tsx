import { useReactFlow } from '@xyflow/react';
import { Crosshair } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useCanvasContext, useCanvasStore, useCanvasUi } from '../CanvasContext.js';
import { localizedLabel } from '../localizedLabel.js';
import { NODE_FOCUS_VIEW } from '../useFocusNode.js';

/** "Current step: …" of the test conversation, with a button that brings that node into view (the test tab stays open). */
export function CurrentStep() {
  const { t, i18n } = useTranslation(['testRun']);
  const { catalogue } = useCanvasContext();
  const { fitView } = useReactFlow();
  const activeId = useCanvasUi((state) => state.run?.activeNodeId ?? null);
  const node = useCanvasStore((state) => (activeId ? state.nodes.find((candidate) => candidate.id === activeId) : undefined));
  if (!activeId) return null;
  const flowNode = node?.data.node;
  const typeLabel = flowNode ? localizedLabel(catalogue.get(flowNode.type)?.label, i18n.resolvedLanguage ?? 'en', flowNode.type) : '';
  const name = flowNode?.label?.trim() || typeLabel;
  const label = name ? `${name} (${activeId})` : activeId;

  return (
    <div className="run-current-step">
      <span>{t('testRun:currentStep', { node: label })}</span>
      {node && (
        <button
          type="button"
          className="button button-small"
          onClick={() => void fitView({ nodes: [{ id: activeId }], ...NODE_FOCUS_VIEW })}
        >
          <Crosshair size={14} aria-hidden="true" />
          {t('testRun:showStep')}
        </button>
      )}
    </div>
  );
}
