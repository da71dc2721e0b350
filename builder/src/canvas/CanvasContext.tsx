import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { NodeCatalogueEntry } from '../api/types.js';
import type { CanvasState, CanvasStore } from './canvasStore.js';
import type { CanvasUiState, CanvasUiStore } from './canvasUiStore.js';

export interface CanvasContextValue {
  flowId: string;
  /** The document: nodes, edges and the rest of the draft. */
  store: CanvasStore;
  /** The screen around it: side panel, problems, test run highlight, revision. */
  ui: CanvasUiStore;
  catalogue: ReadonlyMap<string, NodeCatalogueEntry>;
  /** The flow's first locale, in which node summaries are shown. */
  flowLocale: string;
}

export const CanvasContext = createContext<CanvasContextValue | null>(null);

export function useCanvasContext(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (!value) throw new Error('useCanvasContext outside CanvasContext');
  return value;
}

export function useCanvasStore<T>(selector: (state: CanvasState) => T): T {
  return useStore(useCanvasContext().store, selector);
}

export function useCanvasUi<T>(selector: (state: CanvasUiState) => T): T {
  return useStore(useCanvasContext().ui, selector);
}
