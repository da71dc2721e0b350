import { useEffect } from 'react';
import type { CanvasStore } from '../canvasStore.js';
import { rememberCopy } from './clipboardMemory.js';
import { editAction, hasTextSelection, isTypingTarget } from './editShortcuts.js';
import { CLIPBOARD_MIME, copyNodes, parseClipboard, serializeClipboard } from './nodeClipboard.js';

/**
 * The canvas's keyboard shortcuts and clipboard. Copy, cut and paste use the browser's clipboard events (our own type
 * beside text/plain JSON), so nodes paste into another tab without clipboard permissions. Nothing here acts while focus
 * is in a form field or a dialog is open: the field keeps its own undo and clipboard.
 */
export function useEditShortcuts(store: CanvasStore, onHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      const action = editAction(event);
      if (!action) return;
      const state = store.getState();
      if (action === 'deselect') {
        state.clearSelection();
        return;
      }
      event.preventDefault();
      if (action === 'undo') state.undo();
      else if (action === 'redo') state.redo();
      else if (action === 'duplicate') state.duplicateSelection();
      else if (action === 'selectAll') state.selectAll();
      else onHelp();
    };

    const onCopyOrCut = (event: ClipboardEvent) => {
      if (event.defaultPrevented || !event.clipboardData || isTypingTarget(document.activeElement) || hasTextSelection()) return;
      const { nodes, edges, removeNodes } = store.getState();
      const content = copyNodes(nodes, edges);
      if (!content) return;
      event.preventDefault();
      const text = serializeClipboard(content);
      event.clipboardData.setData(CLIPBOARD_MIME, text);
      event.clipboardData.setData('text/plain', text);
      rememberCopy(content);
      if (event.type === 'cut') removeNodes(new Set(content.nodes.map((node) => node.id)));
    };

    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || !event.clipboardData || isTypingTarget(document.activeElement)) return;
      const content = parseClipboard(event.clipboardData.getData(CLIPBOARD_MIME)) ?? parseClipboard(event.clipboardData.getData('text/plain'));
      if (!content) return;
      event.preventDefault();
      store.getState().paste(content);
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, onHelp]);
}
