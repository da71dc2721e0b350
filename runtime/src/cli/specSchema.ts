import { z } from 'zod';
import type { Json } from '@dialogwerk/nodes';
import { compileMatcher } from './textMatcher.js';
import { setupFile } from '../examples/setupSteps.js';

/** YAML turns `3` and `yes` into numbers and booleans; in a text position the author meant the text. */
const text = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a text' }).transform(String);

const matcher = text.superRefine((source, ctx) => {
  try {
    compileMatcher(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
  }
});

const json: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));

const botExpectation = z.union([matcher, z.strictObject({ text: matcher, choices: z.array(text).optional() })], {
  error: 'expected a text, /regex/ or { text, choices }',
});

const userMessage = z.union([text, z.strictObject({ text }), z.strictObject({ choice: text })], {
  error: 'expected a text, { text: ... } or { choice: <choice id> }',
});

const step = z
  .strictObject({ bot: botExpectation.optional(), user: userMessage.optional() })
  .refine((value) => (value.bot === undefined) !== (value.user === undefined), 'a step is either { bot: ... } or { user: ... }');

const statuses = z.enum(['awaiting_input', 'handed_off', 'ended']);

/** A fixed "now" for a spec or test (appointments, office hours); the clock runs on from there. */
const now = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+01:00' });

const specTest = z.strictObject({
  name: z.string().min(1),
  now: now.optional(),
  locale: z.string().min(1).optional(),
  context: z.record(z.string(), json).optional(),
  steps: z.array(step).default([]),
  expect: z
    .strictObject({ vars: z.record(z.string(), json).optional(), status: statuses.optional(), input: z.string().optional() })
    .optional(),
});

export const specFile = z.strictObject({
  flow: z.string().min(1),
  locale: z.string().min(1).optional(),
  now: now.optional(),
  /** Admin requests run once before the tests (imports): a setup file's path, relative to the spec, or the steps. */
  setup: z.union([z.string().min(1), setupFile]).optional(),
  context: z.record(z.string(), json).optional(),
  tests: z.array(specTest).min(1, 'a spec needs at least one test'),
});

export type SpecFile = z.infer<typeof specFile>;
export type SpecTest = SpecFile['tests'][number];
export type SpecStep = SpecTest['steps'][number];
