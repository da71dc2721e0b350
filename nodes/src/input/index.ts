export { parseAnswer, type InputType, type ParseOptions } from './parseAnswer.js';
export { parseNumber } from './parseNumber.js';
export { parseDate, type DateOptions } from './parseDate.js';
export { parseEmail } from './parseEmail.js';
export { parsePhone, defaultCountryFor } from './parsePhone.js';
export { parseYesNo } from './parseYesNo.js';
export { matchChoice, choiceLabel } from './matchChoice.js';
export { normalizeText, compactText } from './normalizeText.js';
export type { Choice, FailureReason, ParseResult, RawAnswer } from './result.js';
