import type { InputSpec, UserInput } from '@dialogwerk/nodes';

/**
 * What a typed line means: a number picks that choice of the open question (so nobody has to type ids); anything
 * else goes as text, which the engine matches against labels and ids itself, exactly as for widget users.
 */
export function toUserInput(line: string, input: InputSpec | undefined): UserInput {
  const choices = input?.choices ?? [];
  if (/^\d+$/.test(line.trim())) {
    const picked = choices[Number(line.trim()) - 1];
    if (picked) return { choice: picked.id };
  }
  return { text: line };
}
