import './editing.css';
import { ClipboardPaste, Copy, CopyPlus, Keyboard, Redo2, Undo2, type LucideIcon } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasContext, useCanvasStore } from '../CanvasContext.js';
import { rememberCopy, rememberedCopy } from './clipboardMemory.js';
import { usesCommandKey } from './editShortcuts.js';
import { copyNodes, parseClipboard, serializeClipboard, type ClipboardContent } from './nodeClipboard.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { useEditShortcuts } from './useEditShortcuts.js';

/**
 * Compact buttons above the canvas for undo, redo, copy, paste, duplicate and the shortcut overview; also installs the
 * keyboard shortcuts and clipboard events (cut is keyboard only).
 */
export function EditToolbar() {
  const { t } = useTranslation(['canvasEdit']);
  const { store } = useCanvasContext();
  const canUndo = useCanvasStore((state) => state.canUndo);
  const canRedo = useCanvasStore((state) => state.canRedo);
  const hasSelection = useCanvasStore((state) => state.nodes.some((node) => node.selected));
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useEditShortcuts(store, openHelp);

  const apple = typeof navigator !== 'undefined' && usesCommandKey(navigator.platform);
  const mod = apple ? '⌘' : t('canvasEdit:keys.ctrl');
  const ariaMod = apple ? 'Meta' : 'Control';

  const copy = () => {
    const { nodes, edges } = store.getState();
    const content = copyNodes(nodes, edges);
    if (!content) return;
    rememberCopy(content);
    // for other tabs; refused or unavailable, this tab still has it remembered
    navigator.clipboard?.writeText(serializeClipboard(content)).catch(() => {});
  };
  const paste = async () => {
    let content: ClipboardContent | undefined;
    try {
      content = parseClipboard(await navigator.clipboard.readText());
    } catch {
      // the browser did not let the page read the clipboard: paste what was copied in this tab
      content = rememberedCopy();
    }
    if (content) store.getState().paste(content);
  };

  const buttons: { id: string; Icon: LucideIcon; label: string; keys: string; ariaKeys: string; disabled?: boolean; onClick: () => void }[] = [
    { id: 'undo', Icon: Undo2, label: t('canvasEdit:toolbar.undo'), keys: `${mod}+Z`, ariaKeys: `${ariaMod}+Z`, disabled: !canUndo, onClick: () => store.getState().undo() },
    {
      id: 'redo',
      Icon: Redo2,
      label: t('canvasEdit:toolbar.redo'),
      keys: `${mod}+${t('canvasEdit:keys.shift')}+Z`,
      ariaKeys: `${ariaMod}+Shift+Z Control+Y`,
      disabled: !canRedo,
      onClick: () => store.getState().redo(),
    },
    { id: 'copy', Icon: Copy, label: t('canvasEdit:toolbar.copy'), keys: `${mod}+C`, ariaKeys: `${ariaMod}+C`, disabled: !hasSelection, onClick: copy },
    { id: 'paste', Icon: ClipboardPaste, label: t('canvasEdit:toolbar.paste'), keys: `${mod}+V`, ariaKeys: `${ariaMod}+V`, onClick: () => void paste() },
    {
      id: 'duplicate',
      Icon: CopyPlus,
      label: t('canvasEdit:toolbar.duplicate'),
      keys: `${mod}+D`,
      ariaKeys: `${ariaMod}+D`,
      disabled: !hasSelection,
      onClick: () => store.getState().duplicateSelection(),
    },
    { id: 'shortcuts', Icon: Keyboard, label: t('canvasEdit:toolbar.shortcuts'), keys: '?', ariaKeys: '?', onClick: openHelp },
  ];

  return (
    <div className="edit-toolbar" role="group" aria-label={t('canvasEdit:toolbar.label')}>
      {buttons.map(({ id, Icon, label, keys, ariaKeys, disabled, onClick }) => (
        <button
          key={id}
          type="button"
          className="button button-small edit-toolbar-button"
          aria-label={label}
          aria-keyshortcuts={ariaKeys}
          title={t('canvasEdit:toolbar.withKeys', { action: label, keys })}
          disabled={disabled}
          onClick={onClick}
        >
          <Icon size={16} aria-hidden="true" />
        </button>
      ))}
      {helpOpen && <ShortcutsDialog mod={mod} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
