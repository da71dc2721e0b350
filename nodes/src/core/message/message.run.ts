import { withRun } from '../../sdk/defineNode.js';
import { messageNode } from './message.node.js';

export const message = withRun(messageNode, (ctx) => {
  ctx.say(ctx.text(ctx.config.text));
  return ctx.next('next');
});
