import type { Localized } from '@dialogwerk/nodes';

/** Why the engine handed a conversation to staff, in words staff understand (the handoff's `reason`). */
const reasons: Record<string, (nodeId: string | null) => Localized> = {
  node_error: (node) => ({
    de: `Technischer Fehler im Knoten „${node}“; der Bot konnte nicht weitermachen.`,
    en: `Technical error in node "${node}"; the bot could not continue.`,
  }),
  node_timeout: (node) => ({
    de: `Der Knoten „${node}“ hat zu lange gebraucht; der Bot konnte nicht weitermachen.`,
    en: `Node "${node}" took too long; the bot could not continue.`,
  }),
  port_unconnected: (node) => ({
    de: `Der Ablauf geht nach Knoten „${node}“ nicht weiter (Ausgang nicht verbunden).`,
    en: `The flow does not continue after node "${node}" (output not connected).`,
  }),
  loop_guard: (node) => ({
    de: `Der Ablauf lief im Kreis (bei Knoten „${node}“) und wurde angehalten.`,
    en: `The flow was going round in circles (at node "${node}") and was stopped.`,
  }),
  node_missing: (node) => ({
    de: `Der Knoten „${node}“ fehlt im Ablauf.`,
    en: `Node "${node}" is missing from the flow.`,
  }),
};

export function fallbackReasonText(code: string, nodeId: string | null, locale: string): string {
  const text = (reasons[code] ?? ((node) => ({ de: `Bot-Fehler (${code}) bei „${node}“`, en: `Bot failure (${code}) at "${node}"` })))(nodeId);
  return locale.split('-')[0] === 'de' ? text.de : text.en;
}
