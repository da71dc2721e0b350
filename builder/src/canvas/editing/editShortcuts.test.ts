import { describe, expect, it } from 'vitest';
import { editAction, usesCommandKey } from './editShortcuts.js';

const press = (key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}) =>
  editAction({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('edit shortcuts', () => {
  it('maps Ctrl and Cmd combinations', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
    expect(press('d', { ctrlKey: true })).toBe('duplicate');
    expect(press('a', { metaKey: true })).toBe('selectAll');
    expect(press('?', { shiftKey: true })).toBe('help');
    expect(press('Escape')).toBe('deselect');
  });

  it('leaves other keys to the browser and React Flow', () => {
    expect(press('z')).toBeUndefined();
    expect(press('c', { ctrlKey: true })).toBeUndefined();
    expect(press('v', { ctrlKey: true })).toBeUndefined();
    expect(press('Delete')).toBeUndefined();
    expect(press('z', { ctrlKey: true, altKey: true })).toBeUndefined();
    expect(press('a', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(press('y', { metaKey: true })).toBeUndefined();
  });

  it('uses Cmd on Apple devices', () => {
    expect(usesCommandKey('MacIntel')).toBe(true);
    expect(usesCommandKey('Linux x86_64')).toBe(false);
  });
});
