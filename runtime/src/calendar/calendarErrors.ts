import { ApiError } from '../apiError.js';

export const calendarErrors = {
  calendarNotFound: (id: string) =>
    new ApiError(404, 'CALENDAR_NOT_FOUND', { de: 'Diesen Kalender gibt es nicht.', en: 'There is no such calendar.' }, { calendar: id }),
  feedTokenInvalid: () =>
    new ApiError(401, 'CALENDAR_TOKEN_INVALID', {
      de: 'Der Abo-Link ist ungültig oder veraltet (token fehlt oder ist falsch).',
      en: 'The subscription link is invalid or outdated (token missing or wrong).',
    }),
  /** Unknown booking and wrong token look the same, so a link cannot be used to probe for booking ids. */
  bookingNotFound: (id: string) =>
    new ApiError(404, 'BOOKING_NOT_FOUND', { de: 'Diese Buchung gibt es nicht.', en: 'There is no such booking.' }, { bookingId: id }),
  alreadyCancelled: (id: string) =>
    new ApiError(409, 'BOOKING_ALREADY_CANCELLED', { de: 'Die Buchung ist bereits storniert.', en: 'The booking is already cancelled.' }, { bookingId: id }),
  invalidQuery: (details: unknown) =>
    new ApiError(400, 'INVALID_QUERY', { de: 'Ungültige Abfrageparameter.', en: 'Invalid query parameters.' }, details),
};
