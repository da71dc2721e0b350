import type { ClipboardContent } from './nodeClipboard.js';

/**
 * The nodes last copied in this tab. The Paste button reads the system clipboard, which the browser may refuse without
 * a permission; then it pastes these instead. Keyboard paste reads the clipboard event and needs neither.
 */
let lastCopied: ClipboardContent | undefined;

export function rememberCopy(content: ClipboardContent): void {
  lastCopied = content;
}

export function rememberedCopy(): ClipboardContent | undefined {
  return lastCopied;
}
