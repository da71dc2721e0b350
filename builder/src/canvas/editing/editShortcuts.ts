/** What a key press on the canvas asks for; copy, cut and paste come as the browser's clipboard events instead. */
export type EditAction = 'undo' | 'redo' | 'duplicate' | 'selectAll' | 'deselect' | 'help';

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl or Cmd+Z undo, Ctrl or Cmd+Shift+Z and Ctrl+Y redo, Ctrl or Cmd+D duplicate, +A select all, `?` help, Escape deselects. */
export function editAction(event: KeyPress): EditAction | undefined {
  if (event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (event.ctrlKey || event.metaKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (event.shiftKey) return undefined;
    if (key === 'y' && event.ctrlKey) return 'redo';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'selectAll';
    return undefined;
  }
  if (event.key === '?') return 'help';
  if (event.key === 'Escape') return 'deselect';
  return undefined;
}

/** Whether Apple's Cmd key is the shortcut modifier on this device. */
export const usesCommandKey = (platform: string) => /Mac|iPhone|iPad/.test(platform);

const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** Whether typing goes to a form field (or a dialog is open): then its own shortcuts and clipboard apply, not the canvas's. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest(TEXT_FIELDS)) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return document.querySelector('dialog[open]') !== null;
}

/** Whether the page has selected text (e.g. in the problems list) that copy should copy instead of nodes. */
export function hasTextSelection(): boolean {
  const selection = document.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}
