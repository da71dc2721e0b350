import { ApiError } from '../apiError.js';

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 100) / 100;

export const fileErrors = {
  tooLarge: (limitBytes: number) =>
    new ApiError(413, 'FILE_TOO_LARGE', {
      de: `Die Datei ist zu groß (höchstens ${mb(limitBytes)} MB).`,
      en: `The file is too large (at most ${mb(limitBytes)} MB).`,
    }, { limitBytes }),
  quotaExceeded: (details: { maxFiles: number; maxBytes: number }) =>
    new ApiError(413, 'FILE_QUOTA_EXCEEDED', {
      de: `Für dieses Gespräch wurden schon zu viele Dateien hochgeladen (höchstens ${details.maxFiles} Dateien, ${mb(details.maxBytes)} MB).`,
      en: `Too many files were uploaded in this conversation (at most ${details.maxFiles} files, ${mb(details.maxBytes)} MB).`,
    }, details),
  typeRefused: (accept: string[]) =>
    new ApiError(415, 'FILE_TYPE_NOT_ALLOWED', {
      de: `Diese Dateiart wird nicht angenommen. Erlaubt: ${accept.join(', ')}.`,
      en: `This kind of file is not accepted. Allowed: ${accept.join(', ')}.`,
    }, { accept }),
  notExpected: () =>
    new ApiError(409, 'FILE_NOT_EXPECTED', {
      de: 'Der Bot erwartet gerade keine Datei.',
      en: 'The bot is not asking for a file right now.',
    }),
  missing: () =>
    new ApiError(400, 'FILE_MISSING', {
      de: 'Die Anfrage enthält keine Datei (multipart/form-data mit dem Feld „file“ oder der Dateiinhalt als Anfrage).',
      en: 'The request holds no file (multipart/form-data with the field "file", or the file as the request body).',
    }),
  onePerRequest: () =>
    new ApiError(400, 'FILE_ONE_PER_REQUEST', {
      de: 'Bitte laden Sie eine Datei pro Anfrage hoch.',
      en: 'Please upload one file per request.',
    }),
  notFound: (fileId: string) =>
    new ApiError(404, 'FILE_NOT_FOUND', { de: 'Diese Datei gibt es nicht (mehr).', en: 'This file does not exist (anymore).' }, { fileId }),
};
