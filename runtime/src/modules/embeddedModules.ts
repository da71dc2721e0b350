import type { RuntimeModuleFactory } from './runtimeModule.js';
import { filesModule } from '../files/filesModule.js';
import { calendarModule } from '../calendar/calendarModule.js';
import { llmModule } from '../llm/llmModule.js';
import { contactsModule } from '../contacts/contactsModule.js';
import { knowledgeModule } from '../knowledge/knowledgeModule.js';
import { notifierModule } from '../notifier/notifierModule.js';
import { inventoryModule } from '../inventory/inventoryModule.js';

/**
 * The embedded defaults that make `npm start` work with no accounts and no internet. Order matters only for services
 * two modules both provide: the later one wins.
 */
export const embeddedModules: RuntimeModuleFactory[] = [filesModule, calendarModule, llmModule, contactsModule, knowledgeModule, notifierModule, inventoryModule];
