import { createStore } from 'zustand/vanilla';
import type { FlowDocument, FlowProblem, NodePortsById, PortSpec } from '../api/types.js';
import { nodeMarks, type NodeMarks } from './nodeMarks.js';

/** The tabs of the side panel beside the canvas. */
export type SidePanelId = 'inspector' | 'problems' | 'test' | 'versions';

/** Where the test chat's conversation has been: drawn on the canvas while the test panel is open. */
export interface RunHighlight {
  /** The node the conversation waits at (or ended/handed off at); null before it started. */
  activeNodeId: string | null;
  visitedNodeIds: ReadonlySet<string>;
  /** Edge ids of the document the conversation followed. */
  takenEdgeIds: ReadonlySet<string>;
}

export interface CanvasUiState {
  panel: SidePanelId;
  openPanel: (panel: SidePanelId) => void;
  /** The validation problems of the draft as last saved or checked (errors and warnings). */
  problems: readonly FlowProblem[];
  /** The problems per node, for the markers on the canvas. */
  marks: ReadonlyMap<string, NodeMarks>;
  setProblems: (problems: readonly FlowProblem[]) => void;
  run: RunHighlight | null;
  setRun: (run: RunHighlight | null) => void;
  /** Ports the server computed for config-dependent nodes, with the config (as JSON) they were computed for. */
  serverPorts: ReadonlyMap<string, ServerPorts>;
  /** Takes the ports of a save or validation answer for the document that was sent or checked. */
  setServerPorts: (document: FlowDocument, ports: NodePortsById | undefined) => void;
  /** The draft's revision this tab last saved or loaded; publishing and rollbacks read it. */
  revision: number;
  setRevision: (revision: number) => void;
  /**
   * Saves pending edits now and resolves once the server has them (publish must not publish a stale draft); rejects
   * when the draft cannot be saved (e.g. another tab changed it).
   */
  flushSave: () => Promise<void>;
  /** Loads the stored draft again into a fresh canvas (after a rollback replaced it on the server). */
  reloadDraft: () => void;
  /** Wires the two actions above to the canvas's autosave and screen. */
  connectActions: (actions: { flushSave: () => Promise<void>; reloadDraft: () => void }) => void;
}

export interface ServerPorts {
  configJson: string;
  ports: PortSpec[];
}

/** State of the screen around the canvas that is not part of the document (so it never reaches undo or autosave). */
export function createCanvasUiStore(revision: number) {
  return createStore<CanvasUiState>()((set) => ({
    panel: 'inspector',
    openPanel: (panel) => set({ panel }),
    problems: [],
    marks: new Map(),
    setProblems: (problems) => set({ problems, marks: nodeMarks(problems) }),
    run: null,
    setRun: (run) => set({ run }),
    serverPorts: new Map(),
    setServerPorts: (document, ports) =>
      set({
        serverPorts: new Map(
          document.nodes.filter((node) => ports?.[node.id]).map((node) => [node.id, { configJson: JSON.stringify(node.config ?? {}), ports: ports![node.id]! }]),
        ),
      }),
    revision,
    setRevision: (next) => set({ revision: next }),
    flushSave: () => Promise.resolve(),
    reloadDraft: () => {},
    connectActions: (actions) => set(actions),
  }));
}

export type CanvasUiStore = ReturnType<typeof createCanvasUiStore>;
