import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useCanvasContext } from './CanvasContext.js';

/** Selects a node, opens its properties and brings it into view (for clicks on problems, versions or the test path). */
export function useFocusNode(): (id: string) => void {
  const { store, ui } = useCanvasContext();
  const { fitView } = useReactFlow();
  return useCallback(
    (id: string) => {
      if (!store.getState().nodes.some((node) => node.id === id)) return;
      store.getState().selectOnly(id);
      ui.getState().openPanel('inspector');
      void fitView({ nodes: [{ id }], duration: 250, maxZoom: 1.2 });
    },
    [store, ui, fitView],
  );
}
