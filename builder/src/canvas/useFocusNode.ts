import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useCanvasContext } from './CanvasContext.js';

/** How far a focused node is zoomed in, and how fast: one setting wherever the canvas brings a node into view. */
export const NODE_FOCUS_VIEW = { duration: 250, maxZoom: 1.2 };

/** Selects a node, opens its properties and brings it into view (for clicks on problems, versions or the test path). */
export function useFocusNode(): (id: string) => void {
  const { store, ui } = useCanvasContext();
  const { fitView } = useReactFlow();
  return useCallback(
    (id: string) => {
      if (!store.getState().nodes.some((node) => node.id === id)) return;
      store.getState().selectOnly(id);
      ui.getState().openPanel('inspector');
      void fitView({ nodes: [{ id }], ...NODE_FOCUS_VIEW });
    },
    [store, ui, fitView],
  );
}
