import { z } from 'zod';
import { Text } from '../../sdk/text.js';

/**
 * Flow setting `settings.leadConsent`: `true`, or `{ "required": true, "text"?: Text }` with a privacy text for every
 * `capture_lead` of the flow (used verbatim, no templates). When it requires consent, a node cannot opt out (a legal requirement of the business
 * applies to the whole flow); a node's own `consentText` wins over the flow's text.
 */
export const leadConsentSetting = z.union([z.boolean(), z.object({ required: z.boolean().default(true), text: Text.optional() })]);
export type LeadConsentSetting = z.infer<typeof leadConsentSetting>;

/** Whether the flow requires consent, and its privacy text; anything unreadable counts as not requiring it. */
export function readLeadConsentSetting(value: unknown): { required: boolean; text?: Text } {
  const parsed = leadConsentSetting.safeParse(value);
  if (!parsed.success) return { required: false };
  if (typeof parsed.data === 'boolean') return { required: parsed.data };
  return { required: parsed.data.required, text: parsed.data.text };
}
