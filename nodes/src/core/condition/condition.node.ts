import { z } from 'zod';
import { defineNode, type PortSpec } from '../../sdk/defineNode.js';
import { variableName } from '../../flow/flowDocument.js';

export const conditionOperators = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'empty', 'not_empty'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

const rule = z.object({
  port: z.string().min(1).max(64).regex(/^(?!else$)/, '"else" is reserved for when no rule matches'),
  var: variableName,
  op: z.enum(conditionOperators),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

const conditionConfig = z
  .object({ rules: z.array(rule).min(1) })
  .superRefine((config, issues) => {
    config.rules.forEach((r, index) => {
      if (r.op !== 'empty' && r.op !== 'not_empty' && r.value === undefined) {
        issues.addIssue({ code: 'custom', path: ['rules', index, 'value'], message: `operator "${r.op}" needs a value` });
      }
    });
  });

export type ConditionConfig = z.infer<typeof conditionConfig>;

const operatorLabels: Record<ConditionOperator, string> = {
  eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: '∋', empty: '∅', not_empty: '≠ ∅',
};

function conditionPorts(config: ConditionConfig): PortSpec[] {
  const seen = new Set<string>();
  const ports: PortSpec[] = [];
  for (const r of config.rules) {
    if (seen.has(r.port)) continue;
    seen.add(r.port);
    ports.push({ id: r.port, label: { de: r.port, en: r.port } });
  }
  ports.push({ id: 'else', label: { de: 'Sonst', en: 'Else' } });
  return ports;
}

export const conditionNode = defineNode({
  type: 'condition',
  version: 1,
  category: 'logic',
  icon: 'git-branch',
  label: { de: 'Bedingung', en: 'Condition' },
  description: {
    de: 'Verzweigt nach Regeln über Variablen; die erste passende Regel gewinnt, sonst "Sonst".',
    en: 'Branches on rules over variables; the first matching rule wins, otherwise "Else".',
  },
  config: conditionConfig,
  ports: conditionPorts,
  variables: (config) => config.rules.map((r) => r.var),
  summary: (config) =>
    config.rules.map((r) => `${r.var} ${operatorLabels[r.op]}${r.value === undefined ? '' : ` ${r.value}`} → ${r.port}`).join('; '),
});
