/** Placeholder until publishing from the canvas lands (issue 4, in progress). */
export function PublishControl() {
  return null;
}
