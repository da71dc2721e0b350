import { ApiError } from '../apiError.js';

export const conversationErrors = {
  flowNotPublished: (flowId: string) =>
    new ApiError(404, 'FLOW_NOT_PUBLISHED', {
      de: `Der Bot „${flowId}“ existiert nicht oder ist noch nicht veröffentlicht.`,
      en: `Bot "${flowId}" does not exist or has not been published yet.`,
    }, { flowId }),
  notFound: (conversationId: string) =>
    new ApiError(404, 'CONVERSATION_NOT_FOUND', {
      de: 'Dieses Gespräch gibt es nicht (mehr).',
      en: 'This conversation does not exist (anymore).',
    }, { conversationId }),
  badToken: () =>
    new ApiError(401, 'CONVERSATION_TOKEN_INVALID', {
      de: 'Das Gesprächs-Token fehlt oder ist falsch.',
      en: 'The conversation token is missing or wrong.',
    }),
  ended: () =>
    new ApiError(409, 'CONVERSATION_ENDED', {
      de: 'Dieses Gespräch ist beendet. Bitte starten Sie ein neues.',
      en: 'This conversation has ended. Please start a new one.',
    }),
  idempotencyConflict: () =>
    new ApiError(409, 'MESSAGE_ID_REUSED', {
      de: 'Diese Nachrichten-ID wurde schon für eine andere Nachricht verwendet.',
      en: 'This message id was already used for a different message.',
    }),
  notHandedOff: () =>
    new ApiError(409, 'CONVERSATION_NOT_HANDED_OFF', {
      de: 'Dieses Gespräch ist gerade nicht an das Team übergeben.',
      en: 'This conversation is not handed off to staff right now.',
    }),
  unknownNode: (nodeId: string) =>
    new ApiError(422, 'NODE_UNKNOWN', {
      de: `Den Knoten „${nodeId}“ gibt es in diesem Ablauf nicht.`,
      en: `Node "${nodeId}" does not exist in this flow.`,
    }, { nodeId }),
};
