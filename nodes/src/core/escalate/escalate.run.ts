import { withRun } from '../../sdk/defineNode.js';
import { resolveText } from '../../sdk/text.js';
import { isOpen, nextOpening, parseOfficeHours } from '../../sdk/officeHours.js';
import { escalateNode } from './escalate.node.js';
import { escalateReasons, escalateTexts } from './escalateTexts.js';
import { localized } from '../../i18n/localized.js';
import { describeOpening } from './describeOpening.js';

/**
 * Within office hours (or without any) the conversation goes to staff and continues at `handed_off` when they
 * release it. Outside them it records a callback request and continues at `offline` at once, after telling the
 * customer when the team is back (unless `offlineText` replaces or, with "", silences that).
 */
export const escalate = withRun(escalateNode, (ctx) => {
  const { config } = ctx;
  const defaultLocale = ctx.flow.locales[0] ?? ctx.locale;
  // Staff read the reason in the flow's default language, whatever language the customer chats in.
  const reason = config.reason !== undefined ? resolveText(config.reason, defaultLocale, defaultLocale) : localized(escalateReasons.handoff, defaultLocale);
  const hours = parseOfficeHours(ctx.flow.settings.officeHours);
  if (!hours.ok) ctx.log.warn('invalid office hours; treating the office as open', { issues: hours.issues.map((issue) => issue.message.en) });
  const officeHours = hours.ok ? hours.hours : undefined;
  const now = ctx.now();
  if (config.text !== undefined) ctx.say(ctx.text(config.text));

  if (isOpen(officeHours, now)) {
    if (config.text === undefined) ctx.say(localized(escalateTexts.handingOff, ctx.locale));
    ctx.record('escalation.handed_off', { reason });
    return ctx.handoff(reason, 'handed_off');
  }

  const opening = nextOpening(officeHours, now);
  const when = opening ? describeOpening(opening, now, officeHours!.timezone, ctx.locale) : localized(escalateTexts.offlineSoon, ctx.locale);
  if (config.nextOpeningVariable) ctx.vars.set(config.nextOpeningVariable, when);
  ctx.record('escalation.callback_requested', { reason, nextOpening: opening ? opening.toISOString() : null });
  const offline = config.offlineText !== undefined ? ctx.text(config.offlineText) : localized(escalateTexts.offline, ctx.locale).replace('{when}', when);
  if (offline !== '') ctx.say(offline);
  return ctx.next('offline');
});
