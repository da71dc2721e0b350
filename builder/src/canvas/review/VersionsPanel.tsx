/** Placeholder until the versions panel lands (issue 4, in progress). */
export function VersionsPanel() {
  return null;
}
