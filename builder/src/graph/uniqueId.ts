/** `<base>_<n>` with the smallest n ≥ 1 not in `taken`; ids stay readable in the flow JSON and in problems. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 56) || 'node';
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** An edge id naming where it comes from: `<node>-<port>`, numbered when taken. */
export function uniqueEdgeId(fromNode: string, port: string, taken: ReadonlySet<string>): string {
  const base = `${fromNode}-${port}`.slice(0, 60);
  if (!taken.has(base)) return base;
  return uniqueId(base, taken);
}
