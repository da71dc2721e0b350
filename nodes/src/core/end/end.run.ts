import { withRun, type NodeContext } from '../../sdk/defineNode.js';
import { customerText } from '../../i18n/customerTexts.js';
import { endNode } from './end.node.js';

const ratings = ['1', '2', '3', '4', '5'];

function ratingChoices() {
  return ratings.map((id) => ({ id, label: id }));
}

function parseRating(input: { text?: string; choice?: string }): number | undefined {
  const raw = (input.choice ?? input.text ?? '').trim().replace(/[.!]$/, '');
  return ratings.includes(raw) ? Number(raw) : undefined;
}

function finish(ctx: NodeContext<{ text?: unknown }>) {
  if (ctx.config.text !== undefined) ctx.say(ctx.text(ctx.config.text));
  return ctx.end();
}

export const end = withRun(endNode, (ctx) => {
  if (!ctx.config.csat) return finish(ctx);
  const choices = ratingChoices();
  if (!ctx.input) {
    ctx.say({ text: customerText('csatQuestion', ctx.locale), choices });
    return ctx.wait({ type: 'choice', choices }, { attempts: 0 });
  }
  const rating = parseRating(ctx.input);
  if (rating !== undefined) {
    ctx.record('csat', { rating });
    return finish(ctx);
  }
  const attempts = typeof ctx.state === 'object' && ctx.state && 'attempts' in ctx.state ? Number(ctx.state.attempts) : 0;
  if (attempts < 1) {
    ctx.say({ text: customerText('csatRetry', ctx.locale), choices });
    return ctx.wait({ type: 'choice', choices }, { attempts: attempts + 1 });
  }
  return finish(ctx);
});
