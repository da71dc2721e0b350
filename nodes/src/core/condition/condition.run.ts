import { withRun } from '../../sdk/defineNode.js';
import { conditionNode } from './condition.node.js';
import { evaluateRule } from './evaluateRule.js';

export const condition = withRun(conditionNode, (ctx) => {
  for (const rule of ctx.config.rules) {
    if (evaluateRule(rule.op, ctx.vars.get(rule.var), rule.value)) return ctx.next(rule.port);
  }
  return ctx.next('else');
});
