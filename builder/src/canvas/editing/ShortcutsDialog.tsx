import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';

interface ShortcutsDialogProps {
  /** The shortcut modifier's name: "Strg"/"Ctrl", or ⌘ on Apple devices. */
  mod: string;
  onClose: () => void;
}

/** The overview `?` and the toolbar's keyboard button open: every canvas shortcut with what it does. */
export function ShortcutsDialog({ mod, onClose }: ShortcutsDialogProps) {
  const { t } = useTranslation(['canvasEdit']);
  const shift = t('canvasEdit:keys.shift');
  // each row: alternatives, each alternative the keys pressed together
  const rows: { keys: string[][]; action: string }[] = [
    { keys: [[mod, 'Z']], action: t('canvasEdit:actions.undo') },
    { keys: [[mod, shift, 'Z'], [t('canvasEdit:keys.ctrl'), 'Y']], action: t('canvasEdit:actions.redo') },
    { keys: [[mod, 'C']], action: t('canvasEdit:actions.copy') },
    { keys: [[mod, 'X']], action: t('canvasEdit:actions.cut') },
    { keys: [[mod, 'V']], action: t('canvasEdit:actions.paste') },
    { keys: [[mod, 'D']], action: t('canvasEdit:actions.duplicate') },
    { keys: [[mod, 'A']], action: t('canvasEdit:actions.selectAll') },
    { keys: [[shift, t('canvasEdit:keys.click')], [mod, t('canvasEdit:keys.click')]], action: t('canvasEdit:actions.addToSelection') },
    { keys: [[shift, t('canvasEdit:keys.drag')]], action: t('canvasEdit:actions.selectionBox') },
    { keys: [[t('canvasEdit:keys.delete')], [t('canvasEdit:keys.backspace')]], action: t('canvasEdit:actions.delete') },
    { keys: [[t('canvasEdit:keys.escape')]], action: t('canvasEdit:actions.deselect') },
    { keys: [['?']], action: t('canvasEdit:actions.help') },
  ];
  return (
    <Modal title={t('canvasEdit:help.title')} onClose={onClose}>
      <div className="modal-body">
        <p className="muted">{t('canvasEdit:help.intro')}</p>
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">{t('canvasEdit:help.keys')}</th>
              <th scope="col">{t('canvasEdit:help.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.action}>
                <td>
                  {row.keys.map((combination, index) => (
                    <Fragment key={combination.join('+')}>
                      {index > 0 && <span className="shortcuts-or"> {t('canvasEdit:help.or')} </span>}
                      {combination.map((key, keyIndex) => (
                        <Fragment key={key}>
                          {keyIndex > 0 && '+'}
                          <kbd>{key}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </td>
                <td>{row.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('canvasEdit:help.close')}
        </button>
      </div>
    </Modal>
  );
}
