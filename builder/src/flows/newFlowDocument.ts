import type { FlowDocument } from '../api/types.js';

export const FLOW_FORMAT = 'dialogwerk.flow/1';

/** The two texts a new flow starts with, in both flow languages. */
export interface NewFlowTexts {
  welcome: { de: string; en: string };
  goodbye: { de: string; en: string };
}

/** The smallest valid flow: one message, then the end. The later canvas edits from here. */
export function newFlowDocument(id: string, name: string, texts: NewFlowTexts): FlowDocument {
  return {
    format: FLOW_FORMAT,
    id,
    name: name.trim(),
    locales: ['de', 'en'],
    start: 'welcome',
    variables: {},
    settings: {},
    nodes: [
      { id: 'welcome', type: 'message', version: 1, position: { x: 0, y: 0 }, config: { text: { ...texts.welcome } } },
      { id: 'end', type: 'end', version: 1, position: { x: 0, y: 160 }, config: { text: { ...texts.goodbye } } },
    ],
    edges: [{ id: 'welcome-next', from: { node: 'welcome', port: 'next' }, to: 'end' }],
  };
}
