import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './flowList.css';

export interface FlowAction {
  id: string;
  label: string;
  danger?: boolean;
  disabled?: boolean;
  onSelect: () => void;
}

interface FlowActionsMenuProps {
  /** The flow's name, for the button's accessible name ("Aktionen für …"). */
  flowName: string;
  actions: FlowAction[];
}

/**
 * One compact "Actions" button per row that opens a menu (WAI-ARIA menu button): arrow keys, Home/End move, Enter or
 * Space choose, Escape or Tab close; focus goes back to the button before the chosen action runs, so a dialog it opens
 * returns focus there. The menu is `position: fixed` so the table's scroll box never clips it.
 */
export function FlowActionsMenu({ flowName, actions }: FlowActionsMenuProps) {
  const { t } = useTranslation(['translation', 'flowActions']);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const close = (returnFocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (returnFocus) button.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const rect = button.current.getBoundingClientRect();
    const menuHeight = menu.current?.offsetHeight ?? 0;
    // Below the button, or above it when the window ends first.
    const below = rect.bottom + 4;
    const top = below + menuHeight > window.innerHeight && rect.top - menuHeight - 4 > 0 ? rect.top - menuHeight - 4 : below;
    setPosition({ top, right: Math.max(8, window.innerWidth - rect.right) });
  }, [open]);

  const placed = position !== null;
  useEffect(() => {
    if (open && placed) items()[0]?.focus();
  }, [open, placed]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const away = () => close(false);
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', away);
    window.addEventListener('scroll', away, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', away);
      window.removeEventListener('scroll', away, true);
    };
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  };

  const choose = (action: FlowAction) => {
    close(true);
    action.onSelect();
  };

  return (
    <div className="flow-actions">
      <button
        ref={button}
        type="button"
        className="button button-small flow-actions-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('flowActions:menu.label', { name: flowName })}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={onButtonKey}
      >
        {t('flowActions:menu.button')}
        <span className="flow-actions-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          className="flow-actions-menu"
          aria-label={t('flowActions:menu.label', { name: flowName })}
          style={position ? { top: position.top, right: position.right } : { visibility: 'hidden' }}
          onKeyDown={onMenuKey}
        >
          {actions.map((action) => (
            <li key={action.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`flow-actions-item${action.danger ? ' is-danger' : ''}`}
                disabled={action.disabled}
                onClick={() => choose(action)}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
