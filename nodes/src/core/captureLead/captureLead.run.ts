import { withRun, type Json, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import type { LeadConsent } from '../../sdk/services/contacts.js';
import { parseAnswer } from '../../input/index.js';
import { captureLeadNode, type CaptureLeadConfig } from './captureLead.node.js';
import { captureLeadTexts } from './captureLeadTexts.js';
import { localized } from '../../i18n/localized.js';
import { collectLeadFields } from './collectLeadFields.js';
import { readLeadConsentSetting } from './leadConsentSetting.js';

type Ctx = NodeContext<CaptureLeadConfig>;

const MAX_RETRIES = 2;

/** A flow's `settings.country` gives a bare language a region, so "044 …" is read as a Swiss number. */
function phoneLocale(ctx: Ctx): string {
  const country = ctx.flow.settings.country;
  return typeof country === 'string' && !ctx.locale.includes('-') ? `${ctx.locale}-${country}` : ctx.locale;
}

function yesNoChoices(locale: string) {
  return [
    { id: 'yes', label: localized(captureLeadTexts.yes, locale) },
    { id: 'no', label: localized(captureLeadTexts.no, locale) },
  ];
}

async function store(ctx: Ctx, consent?: LeadConsent): Promise<NodeResult> {
  const contacts = ctx.services.contacts;
  if (!contacts) throw new Error('capture_lead needs a contacts service, and none is configured');
  const { fields, withheld } = collectLeadFields(ctx.config, ctx.vars, phoneLocale(ctx));
  if (Object.keys(fields).length === 0) throw new Error('capture_lead: none of the mapped variables has a value');
  const { contactId, leadId } = await contacts.captureLead({
    conversationId: ctx.conversation.id,
    flowId: ctx.flow.id,
    nodeId: ctx.node.id,
    isTest: ctx.conversation.isTest,
    fields,
    ...(consent ? { consent } : {}),
  });
  ctx.record('lead.captured', {
    contactId,
    leadId,
    fields: fields as unknown as Json,
    ...(consent ? { consent: consent as unknown as Json } : {}),
    ...(withheld.length ? { withheld } : {}),
  });
  return ctx.next('captured');
}

function stateOf(ctx: Ctx): { attempts: number; text: string } {
  const state = (ctx.state ?? {}) as { attempts?: number; text?: string };
  return { attempts: Number(state.attempts ?? 0), text: String(state.text ?? '') };
}

/**
 * Stores the lead; with consent required (node or flow setting `leadConsent`) only after a clear yes to the privacy
 * question, or when the configured consent variable is already true. Without consent nothing is stored.
 */
export const captureLead = withRun(captureLeadNode, async (ctx) => {
  const { config } = ctx;
  const flowConsent = readLeadConsentSetting(ctx.flow.settings.leadConsent);
  const required = Boolean(config.requireConsent) || flowConsent.required;
  const privacyText = () => {
    const text = config.consentText ?? flowConsent.text;
    return text !== undefined ? ctx.text(text) : localized(captureLeadTexts.consentQuestion, ctx.locale);
  };
  const choices = yesNoChoices(ctx.locale);

  if (!ctx.input) {
    if (!required) return store(ctx);
    if (config.consentVariable && ctx.vars.get(config.consentVariable) === true) {
      return store(ctx, { text: privacyText(), answer: `{{${config.consentVariable}}} = true`, at: ctx.now().toISOString(), locale: ctx.locale });
    }
    const text = privacyText();
    ctx.say({ text, choices });
    return ctx.wait({ type: 'yesno', choices }, { attempts: 0, text });
  }

  const { attempts, text } = stateOf(ctx);
  const parsed = parseAnswer('yesno', ctx.input, { locale: ctx.locale });
  if (parsed.ok) {
    const agreed = parsed.value === true;
    if (config.consentVariable) ctx.vars.set(config.consentVariable, agreed);
    if (!agreed) {
      ctx.record('lead.consent_declined', {});
      return ctx.next('no_consent');
    }
    // A sensitive capture_lead keeps even the consent answer out of clear storage: only that it was a yes.
    const answer = ctx.node.sensitive
      ? choices[0]!.label
      : (ctx.input.text ?? choices.find((choice) => choice.id === ctx.input?.choice)?.label ?? String(ctx.input.choice));
    return store(ctx, { text, answer, at: ctx.now().toISOString(), locale: ctx.locale });
  }
  if (attempts >= MAX_RETRIES) {
    ctx.record('lead.consent_declined', { unclear: true });
    return ctx.next('no_consent');
  }
  ctx.say({ text: localized(captureLeadTexts.consentRetry, ctx.locale), choices });
  return ctx.wait({ type: 'yesno', choices }, { attempts: attempts + 1, text });
});
