/** Server entry: everything in the definitions plus the core nodes with their behaviour. */
export * from './definitions.js';
export * from './i18n/customerTexts.js';
import { message } from './core/message/message.run.js';
import { ask } from './core/ask/ask.run.js';
import { condition } from './core/condition/condition.run.js';
import { set } from './core/set/set.run.js';
import { end } from './core/end/end.run.js';
import { httpRequest } from './core/httpRequest/httpRequest.run.js';
import { faq } from './core/faq/faq.run.js';
import { llmAnswer } from './core/llmAnswer/llmAnswer.run.js';
import { intent } from './core/intent/intent.run.js';
import { bookSlot } from './core/bookSlot/bookSlot.run.js';
import { checkStock } from './core/checkStock/checkStock.run.js';
import { escalate } from './core/escalate/escalate.run.js';
import { captureLead } from './core/captureLead/captureLead.run.js';
export { ProductIndex } from './core/checkStock/productIndex.js';
export { skuKey } from './core/checkStock/skuKey.js';
export { memoryInventory } from './core/checkStock/memoryInventory.js';
export { computeFreeSlots, bookingWindow, type BusyInterval } from './core/bookSlot/slotGrid.js';
export { freeSlotsInPages, type BusyLoader } from './core/bookSlot/slotPages.js';

export const coreNodes = [message, ask, condition, set, end, httpRequest, intent, llmAnswer, faq, bookSlot, checkStock, escalate, captureLead];
