/** Placeholder until undo/redo and clipboard land (issue 4, in progress). */
export function EditToolbar() {
  return null;
}
