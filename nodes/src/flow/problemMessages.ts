import type { Localized } from '../i18n/localized.js';
import type { FlowProblemCode } from './flowProblem.js';

/** What a message is built from; `Localized` values (schema messages, port labels, lists) differ per language. */
export type ProblemParams = Record<string, string | number | Localized | undefined>;

type Texts = Record<string, string | undefined>;
type Builder = (p: Texts) => string;

/** Node names: staff recognise their own label first, the id tells them which box it is when labels repeat. */
function nodeDe(p: Texts, key = 'node'): string {
  const label = p[`${key}Label`];
  return label ? `„${label}“ (${p[key]})` : `„${p[key]}“`;
}

function nodeEn(p: Texts, key = 'node'): string {
  const label = p[`${key}Label`];
  return label ? `"${label}" (${p[key]})` : `"${p[key]}"`;
}

/** Port labels are what the canvas shows; the id only helps when the two differ. */
function portDe(p: Texts): string {
  return p.portLabel && p.portLabel !== p.port ? `„${p.portLabel}“ (${p.port})` : `„${p.port}“`;
}

function portEn(p: Texts): string {
  return p.portLabel && p.portLabel !== p.port ? `"${p.portLabel}" (${p.port})` : `"${p.port}"`;
}

export const problemMessages: Record<FlowProblemCode, { de: Builder; en: Builder }> = {
  FLOW_SCHEMA_INVALID: {
    de: (p) => {
      const field = p.field ? `„${p.field}“` : '';
      if (p.node) return `Knoten ${nodeDe(p)}: Die Angabe ${field || 'zum Knoten'} ist ungültig. ${p.issue}`;
      if (p.edge) return `Verbindung „${p.edge}“: Die Angabe ${field || 'zur Verbindung'} ist ungültig. ${p.issue}`;
      return field ? `Der Ablauf ist bei ${field} ungültig. ${p.issue}` : `Der Ablauf ist ungültig. ${p.issue}`;
    },
    en: (p) => {
      const field = p.field ? `"${p.field}"` : '';
      if (p.node) return `Node ${nodeEn(p)}: ${field || 'the node'} is invalid. ${p.issue}`;
      if (p.edge) return `Connection "${p.edge}": ${field || 'the connection'} is invalid. ${p.issue}`;
      return field ? `The flow is invalid at ${field}. ${p.issue}` : `The flow is invalid. ${p.issue}`;
    },
  },
  FLOW_FORMAT_UNSUPPORTED: {
    de: (p) =>
      p.detail
        ? `Der Ablauf im Format „${p.format}“ konnte nicht auf das aktuelle Format „${p.expected}“ umgestellt werden: ${p.detail}`
        : `Das Format „${p.format}“ wird nicht unterstützt; erwartet wird „${p.expected}“. Stammt der Ablauf aus einer neueren Dialogwerk-Version?`,
    en: (p) =>
      p.detail
        ? `The flow in format "${p.format}" could not be converted to the current format "${p.expected}": ${p.detail}`
        : `The format "${p.format}" is not supported; expected "${p.expected}". Does the flow come from a newer Dialogwerk version?`,
  },
  FLOW_LOCALE_DUPLICATE: {
    de: (p) => `Die Sprache „${p.locale}“ ist mehrfach angegeben. Bitte jede Sprache nur einmal aufführen.`,
    en: (p) => `The language "${p.locale}" is listed more than once. Please list each language only once.`,
  },
  FLOW_START_MISSING: {
    de: (p) =>
      p.start
        ? `Der Startknoten „${p.start}“ existiert nicht. Bitte wählen Sie den Knoten, mit dem das Gespräch beginnt.`
        : 'Der Ablauf hat keinen Startknoten. Bitte wählen Sie den Knoten, mit dem das Gespräch beginnt.',
    en: (p) =>
      p.start
        ? `The start node "${p.start}" does not exist. Please choose the node the conversation begins with.`
        : 'The flow has no start node. Please choose the node the conversation begins with.',
  },
  FLOW_NODE_ID_DUPLICATE: {
    de: (p) => `Die Knoten-ID „${p.node}“ wird mehrfach verwendet. Jeder Knoten braucht eine eigene ID.`,
    en: (p) => `The node id "${p.node}" is used more than once. Every node needs its own id.`,
  },
  FLOW_EDGE_ID_DUPLICATE: {
    de: (p) => `Die Verbindungs-ID „${p.edge}“ wird mehrfach verwendet. Jede Verbindung braucht eine eigene ID.`,
    en: (p) => `The connection id "${p.edge}" is used more than once. Every connection needs its own id.`,
  },
  FLOW_NODE_TYPE_UNKNOWN: {
    de: (p) =>
      `Knoten ${nodeDe(p)} hat den unbekannten Typ „${p.type}“. Vielleicht fehlt ein Plugin, oder der Typ ist falsch geschrieben.`,
    en: (p) => `Node ${nodeEn(p)} has the unknown type "${p.type}". A plugin may be missing, or the type is misspelt.`,
  },
  FLOW_NODE_VERSION_UNSUPPORTED: {
    de: (p) => {
      if (p.reason === 'newer_than_runtime') {
        return `Knoten ${nodeDe(p)} (${p.type}) stammt aus einer neueren Version (${p.version}), diese Installation kennt nur Version ${p.supported}. Bitte aktualisieren Sie Dialogwerk oder das Plugin.`;
      }
      const cause = p.reason === 'migration_failed' ? `ist fehlgeschlagen: ${p.detail}` : 'fehlt';
      return `Die Einstellungen von Knoten ${nodeDe(p)} (${p.type}) lassen sich nicht von Version ${p.version} auf ${p.supported} umstellen: Der Umstellungsschritt ab Version ${p.from} ${cause}.`;
    },
    en: (p) => {
      if (p.reason === 'newer_than_runtime') {
        return `Node ${nodeEn(p)} (${p.type}) comes from a newer version (${p.version}); this installation only knows version ${p.supported}. Please update Dialogwerk or the plugin.`;
      }
      const cause = p.reason === 'migration_failed' ? `failed: ${p.detail}` : 'is missing';
      return `The settings of node ${nodeEn(p)} (${p.type}) cannot be converted from version ${p.version} to ${p.supported}: the conversion step from version ${p.from} ${cause}.`;
    },
  },
  FLOW_NODE_CONFIG_INVALID: {
    de: (p) =>
      p.field
        ? `Die Einstellung „${p.field}“ von Knoten ${nodeDe(p)} ist ungültig. ${p.issue}`
        : `Die Einstellungen von Knoten ${nodeDe(p)} sind ungültig. ${p.issue}`,
    en: (p) =>
      p.field
        ? `The setting "${p.field}" of node ${nodeEn(p)} is invalid. ${p.issue}`
        : `The settings of node ${nodeEn(p)} are invalid. ${p.issue}`,
  },
  FLOW_EDGE_SOURCE_MISSING: {
    de: (p) => `Die Verbindung „${p.edge}“ beginnt bei Knoten „${p.source}“, den es nicht gibt.`,
    en: (p) => `The connection "${p.edge}" starts at node "${p.source}", which does not exist.`,
  },
  FLOW_EDGE_TARGET_MISSING: {
    de: (p) => `Die Verbindung „${p.edge}“ von Knoten „${p.source}“ führt zu Knoten „${p.target}“, den es nicht gibt.`,
    en: (p) => `The connection "${p.edge}" from node "${p.source}" leads to node "${p.target}", which does not exist.`,
  },
  FLOW_EDGE_PORT_UNKNOWN: {
    de: (p) =>
      `Knoten ${nodeDe(p)} hat keinen Ausgang „${p.port}“ (Verbindung „${p.edge}“). ` +
      (p.ports ? `Vorhandene Ausgänge: ${p.ports}.` : 'Dieser Knoten hat keine Ausgänge.'),
    en: (p) =>
      `Node ${nodeEn(p)} has no output "${p.port}" (connection "${p.edge}"). ` +
      (p.ports ? `Its outputs are: ${p.ports}.` : 'This node has no outputs.'),
  },
  FLOW_PORT_MULTIPLE_EDGES: {
    de: (p) =>
      `Der Ausgang ${portDe(p)} von Knoten ${nodeDe(p)} ist ${p.count}-mal verbunden (zu ${p.targets}). Ein Ausgang darf nur zu einem Knoten führen.`,
    en: (p) =>
      `The output ${portEn(p)} of node ${nodeEn(p)} is connected ${p.count} times (to ${p.targets}). An output may lead to one node only.`,
  },
  FLOW_VARIABLE_UNDECLARED: {
    de: (p) =>
      `Knoten ${nodeDe(p)} verwendet die Variable „${p.variable}“, die im Ablauf nicht angelegt ist. Bitte legen Sie sie unter „Variablen“ an.`,
    en: (p) =>
      `Node ${nodeEn(p)} uses the variable "${p.variable}", which the flow does not declare. Please add it under "Variables".`,
  },
  FLOW_ASK_FILE_VARIABLE_TYPE: {
    de: (p) =>
      `Knoten ${nodeDe(p)} fragt nach Dateien, speichert sie aber in der Variable „${p.variable}“ vom Typ „${p.variableType}“. Dateien brauchen eine Variable vom Typ „file“: Ändern Sie den Typ unter „Variablen“ oder wählen Sie eine andere Variable.`,
    en: (p) =>
      `Node ${nodeEn(p)} asks for files but stores them in the variable "${p.variable}" of type "${p.variableType}". Files need a variable of type "file": change its type under "Variables" or choose another variable.`,
  },
  FLOW_FILE_VARIABLE_NOT_FILE_INPUT: {
    de: (p) =>
      `Knoten ${nodeDe(p)} speichert eine Antwort mit der Eingabe „${p.input}“ in der Variable „${p.variable}“ vom Typ „file“. Dort erwarten andere Knoten Dateien; wählen Sie die Eingabe „Datei“ oder eine Variable mit passendem Typ.`,
    en: (p) =>
      `Node ${nodeEn(p)} stores an answer with input "${p.input}" in the variable "${p.variable}" of type "file", where other nodes expect files. Choose the input "file" or a variable of a matching type.`,
  },
  FLOW_LOOP_WITHOUT_INPUT: {
    de: (p) =>
      p.count === '1'
        ? `Knoten ${nodeDe(p)} führt zu sich selbst zurück, ohne auf eine Antwort des Kunden zu warten. Das Gespräch würde endlos weiterlaufen.`
        : `Die Knoten ${p.nodeList} bilden eine Schleife, in der nie auf eine Antwort des Kunden gewartet wird. Das Gespräch würde endlos weiterlaufen.`,
    en: (p) =>
      p.count === '1'
        ? `Node ${nodeEn(p)} leads back to itself without waiting for the customer's answer. The conversation would run forever.`
        : `The nodes ${p.nodeList} form a loop that never waits for the customer's answer. The conversation would run forever.`,
  },
  FLOW_TEXT_EMPTY: {
    de: (p) => `Das Feld „${p.field}“ von Knoten ${nodeDe(p)} ist leer. Bitte geben Sie den Text ein, den der Kunde sehen soll.`,
    en: (p) => `The field "${p.field}" of node ${nodeEn(p)} is empty. Please enter the text the customer should see.`,
  },
  FLOW_TEXT_TRANSLATION_MISSING: {
    de: (p) =>
      `Das Feld „${p.field}“ von Knoten ${nodeDe(p)} hat keinen Text für ${p.locales}. Kunden in dieser Sprache sehen ihn in einer anderen Sprache.`,
    en: (p) =>
      `The field "${p.field}" of node ${nodeEn(p)} has no text for ${p.locales}. Customers in that language see it in another language.`,
  },
  FLOW_NODE_UNREACHABLE: {
    de: (p) => `Knoten ${nodeDe(p)} ist vom Start aus nicht erreichbar und wird deshalb nie ausgeführt.`,
    en: (p) => `Node ${nodeEn(p)} cannot be reached from the start, so it never runs.`,
  },
  FLOW_PORT_UNCONNECTED: {
    de: (p) =>
      `Der Ausgang ${portDe(p)} von Knoten ${nodeDe(p)} ist nicht verbunden. Wird er genommen, entschuldigt sich der Bot und übergibt an Ihr Team.`,
    en: (p) =>
      `The output ${portEn(p)} of node ${nodeEn(p)} is not connected. If it is taken, the bot apologises and hands over to your team.`,
  },
  FLOW_LLM_NOT_CONFIGURED: {
    de: (p) =>
      `Knoten ${nodeDe(p)} braucht ein Sprachmodell, aber auf dem Server ist keines vollständig eingerichtet (Anbieter, Modell oder API-Schlüssel fehlen). Bis dahin nimmt er den Ausgang „Fehler“.`,
    en: (p) => `Node ${nodeEn(p)} needs a language model, but the server has none configured (${p.reason}). Until then it takes the "error" output.`,
  },
  FLOW_KNOWLEDGE_BASE_MISSING: {
    de: (p) =>
      `Knoten ${nodeDe(p)} verwendet die Wissensdatenbank „${p.knowledgeBase}“, die es auf dem Server nicht gibt. Legen Sie sie unter „Wissensdatenbanken“ an oder wählen Sie eine andere; bis dahin findet der Knoten dort keine Antworten.`,
    en: (p) =>
      `Node ${nodeEn(p)} uses the knowledge base "${p.knowledgeBase}", which does not exist on the server. Create it under "Knowledge bases" or choose another one; until then the node finds no answers there.`,
  },
};

function textsIn(params: ProblemParams, language: keyof Localized): Texts {
  const texts: Texts = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    texts[key] = typeof value === 'object' ? value[language] : String(value);
  }
  return texts;
}

export function problemMessage(code: FlowProblemCode, params: ProblemParams): Localized {
  const builders = problemMessages[code];
  return { de: builders.de(textsIn(params, 'de')), en: builders.en(textsIn(params, 'en')) };
}

/** Quoted, comma-separated names in each language's quotation marks. */
export function quotedList(names: string[]): Localized {
  return { de: names.map((name) => `„${name}“`).join(', '), en: names.map((name) => `"${name}"`).join(', ') };
}
