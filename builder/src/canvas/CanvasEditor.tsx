import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeTypes } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import type { FlowDetail, NodeCatalogueEntry } from '../api/types.js';
import { layoutFlow } from '../graph/layoutFlow.js';
import { Autosave, type SaveStatus } from './autosave.js';
import { CanvasContext, useCanvasContext, useCanvasStore } from './CanvasContext.js';
import { createCanvasStore } from './canvasStore.js';
import { createCanvasUiStore } from './canvasUiStore.js';
import { EditToolbar } from './editing/EditToolbar.js';
import { FlowNodeCard } from './FlowNodeCard.js';
import { NodePalette, PALETTE_DRAG_TYPE } from './NodePalette.js';
import { PublishControl } from './review/PublishControl.js';
import { SaveStatusNotice } from './SaveStatusNotice.js';
import { selectedNode } from './selectedNode.js';
import { SidePanel } from './SidePanel.js';
import { useRunEdges } from './useRunEdges.js';
import { VariablesDialog } from './variables/VariablesDialog.js';

const nodeTypes: NodeTypes = { flowNode: FlowNodeCard };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Control', 'Meta'];
/**
 * Large flows: only the nodes and edges in view are in the page, and the view zooms out to a quarter at most. Measured
 * with a 500-node flow (docs/PERFORMANCE.md): panning at 100 % went from 4 to 59 frames/s and opening from 2.1 s to
 * 1.5 s; further out, hundreds of visible cards cost more per frame than panning can afford. The minimap shows it all.
 * There is no dotted background either: redrawing it over the whole canvas on every frame cost about 15 % of the
 * frame rate while panning.
 */
const MIN_ZOOM = 0.25;
// A small flow is shown at its natural size rather than blown up to fill the canvas.
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

interface CanvasEditorProps {
  flow: FlowDetail;
  catalogue: NodeCatalogueEntry[];
  /** Loads the stored draft again (the screen remounts the editor with it). */
  onReload: () => void;
  /** Breadcrumb and title, shown left of the publish button. */
  header: ReactNode;
}

/** The draft on a canvas with the palette beside it; every change is saved automatically. */
export function CanvasEditor({ flow, catalogue, onReload, header }: CanvasEditorProps) {
  const client = useAdminClient();
  const [store] = useState(() => createCanvasStore(flow.draft));
  const [ui] = useState(() => createCanvasUiStore(flow.revision));
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  // the newest revision this tab saved; survives the effect being re-run (StrictMode, a new client after sign-in)
  const revision = useRef(flow.revision);
  const context = useMemo(
    () => ({
      flowId: flow.draft.id,
      store,
      ui,
      catalogue: new Map(catalogue.map((entry) => [entry.type, entry])),
      flowLocale: flow.draft.locales[0] ?? 'de',
    }),
    [store, ui, catalogue, flow.draft.id, flow.draft.locales],
  );

  // The problems of the draft as loaded; every save replaces them with the server's answer.
  useEffect(() => {
    const controller = new AbortController();
    client.validateFlow(flow.draft.id, controller.signal).then(
      (result) => {
        if (store.getState().edits !== 0) return; // a save answered already, with newer problems
        ui.getState().setProblems(result.problems);
        ui.getState().setServerPorts(flow.draft, result.ports);
      },
      () => {},
    );
    return () => controller.abort();
  }, [client, flow.draft, store, ui]);

  // Selecting one node shows its properties, unless staff are testing (the chat keeps the panel).
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.nodes === previous.nodes) return;
        const selected = selectedNode(state.nodes);
        if (selected && selected !== selectedNode(previous.nodes) && ui.getState().panel !== 'test') ui.getState().openPanel('inspector');
      }),
    [store, ui],
  );

  useEffect(() => {
    const autosave = new Autosave({
      revision: revision.current,
      save: async (document, over) => {
        const result = await client.saveDraftOver(document, over);
        revision.current = result.revision;
        ui.getState().setRevision(result.revision);
        ui.getState().setProblems(result.problems);
        ui.getState().setServerPorts(document, result.ports);
        return result;
      },
      onStatus: setStatus,
    });
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.edits !== previous.edits) autosave.schedule(() => store.getState().document());
    });
    ui.getState().connectActions({ flushSave: () => autosave.saveNow(() => store.getState().document()), reloadDraft: onReload });
    return () => {
      unsubscribe();
      // leaving the canvas saves what is pending instead of dropping it
      void autosave.flush().finally(() => autosave.dispose());
    };
  }, [store, ui, client, onReload]);

  return (
    <CanvasContext.Provider value={context}>
      <ReactFlowProvider>
        <div className="canvas-header">
          {header}
          <span className="canvas-toolbar-spacer" />
          <PublishControl />
        </div>
        <div className="canvas-layout">
          <NodePaletteForCanvas catalogue={catalogue} />
          <CanvasArea status={status} />
          <SidePanel />
        </div>
      </ReactFlowProvider>
    </CanvasContext.Provider>
  );
}

function NodePaletteForCanvas({ catalogue }: { catalogue: NodeCatalogueEntry[] }) {
  const { store } = useCanvasContext();
  const { screenToFlowPosition } = useReactFlow();
  const addInView = (entry: NodeCatalogueEntry) => {
    const pane = document.querySelector('.canvas-flow')?.getBoundingClientRect();
    const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 };
    store.getState().addNode(entry, screenToFlowPosition(center));
  };
  return <NodePalette entries={catalogue} onAdd={addInView} />;
}

function CanvasArea({ status }: { status: SaveStatus }) {
  const { t } = useTranslation(['translation', 'variables']);
  const { store, ui, catalogue } = useCanvasContext();
  const nodes = useCanvasStore((state) => state.nodes);
  const edges = useRunEdges(useCanvasStore((state) => state.edges));
  const onNodesChange = useCanvasStore((state) => state.onNodesChange);
  const onEdgesChange = useCanvasStore((state) => state.onEdgesChange);
  const onConnect = useCanvasStore((state) => state.connect);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [layingOut, setLayingOut] = useState(false);
  const [showVariables, setShowVariables] = useState(false);
  // A click on a node that is already selected shows its properties again (the selection did not change).
  const showProperties = useCallback(() => {
    if (ui.getState().panel !== 'test' && selectedNode(store.getState().nodes)) ui.getState().openPanel('inspector');
  }, [store, ui]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const entry = catalogue.get(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!entry) return;
      event.preventDefault();
      store.getState().addNode(entry, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [catalogue, store, screenToFlowPosition],
  );

  const autoLayout = async () => {
    setLayingOut(true);
    try {
      const { nodes: current, edges: currentEdges, setPositions } = store.getState();
      setPositions(await layoutFlow(current, currentEdges));
      requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }));
    } finally {
      setLayingOut(false);
    }
  };

  return (
    <div className="canvas-main">
      <div className="canvas-toolbar">
        <button type="button" className="button" onClick={() => void autoLayout()} disabled={layingOut}>
          {t('canvas.layout')}
        </button>
        <button type="button" className="button" onClick={() => setShowVariables(true)}>
          {t('variables:open')}
        </button>
        <EditToolbar />
        <SaveStatusNotice status={status} />
        {showVariables && <VariablesDialog onClose={() => setShowVariables(false)} />}
      </div>
      <div className="canvas-flow" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          onNodeClick={showProperties}
          selectionKeyCode="Shift"
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={MIN_ZOOM}
          onlyRenderVisibleElements
          ariaLabelConfig={{
            'controls.ariaLabel': t('canvas.controls'),
            'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
            'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
            'controls.fitView.ariaLabel': t('canvas.fitView'),
          }}
        >
          <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
