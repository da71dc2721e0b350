import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useCanvasContext } from '../CanvasContext.js';
import { rectInView } from './nodeInView.js';

/**
 * While the test tab is open, a step the conversation moves to that is off screen is brought into view at the current
 * zoom, so staff always see where the customer is (the canvas only draws what is in view).
 */
export function useFollowActiveNode(): void {
  const { ui } = useCanvasContext();
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(
    () =>
      ui.subscribe((state, previous) => {
        const id = state.run?.activeNodeId;
        if (state.panel !== 'test' || !id || id === previous.run?.activeNodeId) return;
        const node = getInternalNode(id);
        if (!node) return;
        const { x, y } = node.internals.positionAbsolute;
        const rect = { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
        const viewport = getViewport();
        const { width, height } = flowStore.getState();
        if (rectInView(rect, viewport, { width, height })) return;
        void setCenter(x + rect.width / 2, y + rect.height / 2, { zoom: viewport.zoom, duration: 300 });
      }),
    [ui, getInternalNode, getViewport, setCenter, flowStore],
  );
}
