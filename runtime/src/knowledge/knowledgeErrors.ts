import { ApiError } from '../apiError.js';
import type { ImportProblem } from './importProblem.js';

export const knowledgeBaseNotFound = (id: string) =>
  new ApiError(404, 'KNOWLEDGE_BASE_NOT_FOUND', { de: `Die Wissensdatenbank „${id}“ gibt es nicht.`, en: `Knowledge base "${id}" does not exist.` }, { knowledgeBaseId: id });

export const entryNotFound = (kbId: string, entryId: string) =>
  new ApiError(404, 'KNOWLEDGE_ENTRY_NOT_FOUND', {
    de: `Den Eintrag „${entryId}“ gibt es in „${kbId}“ nicht.`,
    en: `Entry "${entryId}" does not exist in "${kbId}".`,
  }, { knowledgeBaseId: kbId, entryId });

export const knowledgeBaseExists = (id: string) =>
  new ApiError(409, 'KNOWLEDGE_BASE_EXISTS', { de: `Die Wissensdatenbank „${id}“ gibt es schon.`, en: `Knowledge base "${id}" already exists.` }, { knowledgeBaseId: id });

export const entryIdMismatch = (urlId: string, bodyId: string) =>
  new ApiError(422, 'KNOWLEDGE_ENTRY_ID_MISMATCH', {
    de: `Die ID im Eintrag („${bodyId}“) passt nicht zur Adresse („${urlId}“).`,
    en: `The id in the entry ("${bodyId}") does not match the URL ("${urlId}").`,
  }, { urlId, bodyId });

export const invalidQuery = (name: string, allowed: string[]) =>
  new ApiError(400, 'INVALID_QUERY', {
    de: `Der Parameter „${name}“ muss einer von ${allowed.join(', ')} sein.`,
    en: `The parameter "${name}" must be one of ${allowed.join(', ')}.`,
  }, { parameter: name, allowed });

export const unknownImportFormat = () =>
  new ApiError(415, 'IMPORT_FORMAT_UNKNOWN', {
    de: 'Unbekanntes Dateiformat: ?format=csv oder ?format=markdown angeben (oder Content-Type text/csv bzw. text/markdown).',
    en: 'Unknown file format: pass ?format=csv or ?format=markdown (or Content-Type text/csv or text/markdown).',
  });

/** Every problem of a refused import, each with its line, in the caller's language plus both texts. */
export function importInvalid(problems: ImportProblem[], language: 'de' | 'en') {
  return new ApiError(422, 'IMPORT_INVALID', {
    de: `Die Datei wurde nicht importiert: ${problems.length} Problem(e). Es wurde nichts geändert.`,
    en: `The file was not imported: ${problems.length} problem(s). Nothing was changed.`,
  }, problems.map((problem) => ({ ...problem, message: problem.message[language], messages: problem.message })));
}

export const notUtf8 = (language: 'de' | 'en') =>
  importInvalid([{ line: 1, code: 'NOT_UTF8', message: {
    de: 'Die Datei ist nicht UTF-8-kodiert. In Excel „CSV UTF-8“ wählen, in LibreOffice den Zeichensatz „Unicode (UTF-8)“.',
    en: 'The file is not UTF-8 encoded. In Excel choose "CSV UTF-8", in LibreOffice the character set "Unicode (UTF-8)".',
  } }], language);
