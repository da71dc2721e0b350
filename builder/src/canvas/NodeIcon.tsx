import { nodeIcon } from '../graph/nodeIcons.js';
import './nodeIcon.css';

interface NodeIconProps {
  /** The catalogue's `icon` name (a lucide name); unknown or missing names draw the fallback icon. */
  name: string | undefined;
  size?: number;
}

/** A node type's icon. Decorative: it always sits next to the type's text label, so screen readers skip it. */
export function NodeIcon({ name, size = 14 }: NodeIconProps) {
  const Icon = nodeIcon(name);
  return <Icon className="node-icon" size={size} strokeWidth={2} aria-hidden="true" focusable="false" data-icon={name ?? ''} />;
}
