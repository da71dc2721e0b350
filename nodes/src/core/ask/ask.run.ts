import { withRun, type InputSpec, type NodeContext } from '../../sdk/defineNode.js';
import { customerText, type CustomerTextKey } from '../../i18n/customerTexts.js';
import { parseAnswer } from '../../input/index.js';
import { askNode, type AskConfig } from './ask.node.js';
import { answerFileQuestion, fileInputSpec } from './askFile.js';

function inputSpec(ctx: NodeContext<AskConfig>): InputSpec {
  const { input, choices } = ctx.config;
  if (input === 'file') return fileInputSpec(ctx);
  if (input === 'choice') {
    return { type: 'choice', choices: (choices ?? []).map((choice) => ({ id: choice.id, label: ctx.text(choice.label) })) };
  }
  if (input === 'yesno') {
    return {
      type: 'yesno',
      choices: [
        { id: 'yes', label: customerText('yes', ctx.locale) },
        { id: 'no', label: customerText('no', ctx.locale) },
      ],
    };
  }
  return { type: input };
}

/** A flow's `settings.country` gives a bare language a region, so a Swiss business reads "044 …" as Swiss. */
function localeWithCountry(locale: string, country: unknown): string {
  if (typeof country !== 'string' || locale.includes('-')) return locale;
  return `${locale}-${country}`;
}

function portFor(config: AskConfig, value: unknown): string {
  if (config.input === 'choice') return String(value);
  if (config.input === 'yesno') return value ? 'yes' : 'no';
  return 'next';
}

export const ask = withRun(askNode, (ctx) => {
  const { config } = ctx;
  const spec = inputSpec(ctx);
  if (!ctx.input) {
    ctx.say({ text: ctx.text(config.text), choices: spec.choices });
    return ctx.wait(spec, { attempts: 0 });
  }
  const attempts = typeof ctx.state === 'object' && ctx.state && 'attempts' in ctx.state ? Number(ctx.state.attempts) : 0;
  if (config.input === 'file') return answerFileQuestion(ctx, ctx.input, attempts);
  const parsed = parseAnswer(config.input, ctx.input, {
    locale: localeWithCountry(ctx.locale, ctx.flow.settings.country),
    choices: config.choices?.map((choice) => ({ id: choice.id, label: choice.label })),
    now: ctx.now(),
    timeZone: typeof ctx.flow.settings.officeHours === 'object' ? (ctx.flow.settings.officeHours as { timezone?: string }).timezone : undefined,
  });
  if (parsed.ok) {
    ctx.vars.set(config.variable, parsed.value);
    return ctx.next(portFor(config, parsed.value));
  }
  if (attempts >= (config.maxRetries ?? 2)) return ctx.next('invalid');
  const retry = config.retryText ? ctx.text(config.retryText) : customerText(`retry_${config.input}` as CustomerTextKey, ctx.locale);
  ctx.say({ text: retry, choices: spec.choices });
  return ctx.wait(spec, { attempts: attempts + 1 });
});
