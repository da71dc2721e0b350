import { spreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import type { LeadRow } from './contactStore.js';

const STANDARD = ['name', 'email', 'phone', 'company', 'projectType', 'desiredDate', 'notes'] as const;

/** Leads as CSV (RFC 4180, UTF-8 with BOM so Excel reads umlauts), one column per standard and custom field. */
export function leadsCsv(leads: LeadRow[], delimiter: ',' | ';' = ','): string {
  const customKeys = [...new Set(leads.flatMap((lead) => Object.keys(lead.fields.custom ?? {})))].sort();
  const header = ['leadId', 'createdAt', 'flowId', 'conversationId', 'contactId', 'test', ...STANDARD, 'files', 'consentAt', 'consentAnswer', 'consentText', ...customKeys.map((key) => `custom.${key}`)];
  const lines = [header.map(spreadsheetSafeCell).join(delimiter)];
  for (const lead of leads) {
    const row = [
      lead.id, lead.createdAt, lead.flowId, lead.conversationId, lead.contactId, lead.isTest ? 'true' : 'false',
      ...STANDARD.map((field) => lead.fields[field]),
      (lead.fields.files ?? []).join(' '),
      lead.consent?.at, lead.consent?.answer, lead.consent?.text,
      ...customKeys.map((key) => lead.fields.custom?.[key]),
    ];
    lines.push(row.map(spreadsheetSafeCell).join(delimiter));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
