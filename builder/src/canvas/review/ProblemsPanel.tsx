/** Placeholder until the problems list lands (issue 4, in progress). */
export function ProblemsPanel() {
  return null;
}
