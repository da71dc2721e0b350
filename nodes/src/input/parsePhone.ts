// The "max" metadata knows each country's number patterns; the default "min"
// build only checks lengths and accepts a mobile number missing two digits.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { splitLocale } from './locale.js';
import { fail, isBlank, ok, type ParseResult } from './result.js';

/**
 * The region of the conversation locale decides how national numbers such as
 * "044 123 45 67" are read. A bare language ("de", "en") says nothing about
 * where the customer lives, so it falls back to Germany, our main market.
 */
export function defaultCountryFor(locale: string): CountryCode {
  const { region } = splitLocale(locale);
  return region && isSupportedCountry(region) ? region : 'DE';
}

/** Validates a phone number and returns it in E.164 form, e.g. "+41441234567". */
export function parsePhone(text: string | undefined, locale: string): ParseResult {
  if (isBlank(text)) return fail('empty');
  const phone = parsePhoneNumberFromString(text!, { defaultCountry: defaultCountryFor(locale) });
  if (!phone?.isValid()) return fail('invalid_phone');
  return ok(phone.number, phone.formatInternational());
}
