import { withRun } from '../../sdk/defineNode.js';
import { setNode } from './set.node.js';

export const set = withRun(setNode, (ctx) => {
  for (const [name, value] of Object.entries(ctx.config.values)) ctx.vars.set(name, ctx.text(value));
  return ctx.next('next');
});
