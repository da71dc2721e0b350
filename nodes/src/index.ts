/** Server entry: everything in the definitions plus the core nodes with their behaviour. */
export * from './definitions.js';
export * from './i18n/customerTexts.js';
import { message } from './core/message/message.run.js';
import { ask } from './core/ask/ask.run.js';
import { condition } from './core/condition/condition.run.js';
import { set } from './core/set/set.run.js';
import { end } from './core/end/end.run.js';
import { httpRequest } from './core/httpRequest/httpRequest.run.js';

export const coreNodes = [message, ask, condition, set, end, httpRequest];
