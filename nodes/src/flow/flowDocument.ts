import { z } from 'zod';
import { localeTag } from '../sdk/text.js';
import { officeHoursSchema } from '../sdk/officeHours.js';
import { leadConsentSetting } from '../core/captureLead/leadConsentSetting.js';

export const FLOW_FORMAT = 'dialogwerk.flow/1';

export const flowId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "_" and "-", at most 64');
export const elementId = z.string().min(1).max(64);
export const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and "_", not starting with a digit');

export const variableType = z.enum(['string', 'number', 'boolean', 'date', 'file']);

export const flowVariable = z.object({
  type: variableType,
  pii: z.boolean().optional(),
  description: z.string().optional(),
});

export const flowNode = z.object({
  id: elementId,
  type: z.string().min(1).max(128),
  version: z.number().int().min(1).default(1),
  config: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  sensitive: z.boolean().optional(),
  label: z.string().max(200).optional(),
});

export const flowEdge = z.object({
  id: elementId,
  from: z.object({ node: elementId, port: z.string().min(1).max(64) }),
  to: elementId,
});

/** One schema for office hours everywhere: the validator, escalate and book_slot (nodes/src/sdk/officeHours.ts). */
export const officeHours = officeHoursSchema;

export const flowSettings = z
  .object({
    retentionDays: z.number().int().min(1).max(3650).optional(),
    /** ISO 3166-1 country of the business: how national phone numbers ("044 123 45 67") are read when the locale has no region. */
    country: z.string().regex(/^[A-Z]{2}$/, 'two-letter country code like "CH"').optional(),
    officeHours: officeHours.optional(),
    /** Whether every capture_lead node must ask for consent (see docs/LEADS.md). */
    leadConsent: leadConsentSetting.optional(),
    fallbackText: z.union([z.string(), z.record(localeTag, z.string())]).optional(),
    maxStepsPerTurn: z.number().int().min(10).max(1000).optional(),
    nodeTimeoutMs: z.number().int().min(100).max(120_000).optional(),
  })
  .catchall(z.unknown());

export const flowDocument = z.object({
  format: z.literal(FLOW_FORMAT),
  id: flowId,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  locales: z.array(localeTag).min(1),
  start: z.string(),
  nodes: z.array(flowNode),
  edges: z.array(flowEdge).default([]),
  variables: z.record(variableName, flowVariable).default({}),
  settings: flowSettings.default({}),
});

export type FlowDocument = z.infer<typeof flowDocument>;
export type FlowDocumentInput = z.input<typeof flowDocument>;
export type FlowNode = z.infer<typeof flowNode>;
export type FlowEdge = z.infer<typeof flowEdge>;
export type FlowVariable = z.infer<typeof flowVariable>;
export type FlowSettings = z.infer<typeof flowSettings>;
export type OfficeHours = z.infer<typeof officeHours>;
