import { describe, expect, it } from 'vitest';
import { portsOf, waitsForInput } from '../../sdk/defineNode.js';
import type { ContactsService, LeadCapture } from '../../sdk/services/contacts.js';
import { runNode } from '../../testing/index.js';
import { captureLeadNode } from './captureLead.node.js';
import { captureLead } from './captureLead.run.js';
import { readLeadConsentSetting } from './leadConsentSetting.js';

/** An in-memory contacts service keeping what the node sends, de-duplicating like the embedded store. */
function memoryContacts() {
  const captures: LeadCapture[] = [];
  const contactIds = new Map<string, string>();
  const service: ContactsService = {
    async captureLead(capture) {
      captures.push(capture);
      const key = capture.fields.email ?? capture.fields.phone ?? `${capture.conversationId}/${capture.nodeId}`;
      const created = !contactIds.has(key);
      if (created) contactIds.set(key, `contact-${contactIds.size + 1}`);
      return { contactId: contactIds.get(key)!, leadId: `lead-${captures.length}`, created };
    },
  };
  return { service, captures };
}

const fields = { name: 'name', email: 'email', phone: 'phone', company: 'company', projectType: 'project', desiredDate: 'when', files: 'photos', notes: 'notes' };
const vars = {
  name: 'Ada Muster', email: ' Ada@Example.CH ', phone: '044 123 45 67', company: 'Muster AG', project: 'Bad', when: '2026-05-04',
  photos: [{ id: 'f1', name: 'bad.jpg' }, 'f2'], notes: 'Bitte abends anrufen', budget: 12000,
};
const now = new Date('2026-01-05T09:00:00Z');
const base = { locale: 'de', flowLocales: ['de', 'en'], now, settings: { country: 'CH' }, conversation: { id: 'conv-1' }, flow: { id: 'handwerk' }, nodeId: 'lead' };

describe('capture_lead without consent', () => {
  it('maps variables to a lead, normalises email and phone, records lead.captured, takes captured', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, { ...base, config: { fields, custom: { budget: 'budget' } }, vars, services: { contacts: contacts.service } });
    expect(run.port).toBe('captured');
    expect(run.messages).toEqual([]);
    const expected = {
      name: 'Ada Muster', email: 'ada@example.ch', phone: '+41441234567', company: 'Muster AG', projectType: 'Bad', desiredDate: '2026-05-04',
      files: ['f1', 'f2'], notes: 'Bitte abends anrufen', custom: { budget: 12000 },
    };
    expect(contacts.captures).toEqual([{ conversationId: 'conv-1', flowId: 'handwerk', nodeId: 'lead', isTest: false, fields: expected }]);
    expect(run.records).toEqual([expect.objectContaining({ type: 'lead.captured', data: { contactId: 'contact-1', leadId: 'lead-1', fields: expected } })]);
  });

  it('leaves out empty variables', async () => {
    const contacts = memoryContacts();
    await runNode(captureLead, { ...base, config: { fields }, vars: { email: 'a@b.de', name: '' }, services: { contacts: contacts.service } });
    expect(contacts.captures[0]?.fields).toEqual({ email: 'a@b.de' });
  });

  it('keeps a phone number it cannot parse as typed', async () => {
    const contacts = memoryContacts();
    await runNode(captureLead, { ...base, config: { fields: { phone: 'phone' } }, vars: { phone: ' 12 ' }, services: { contacts: contacts.service } });
    expect(contacts.captures[0]?.fields).toEqual({ phone: '12' });
  });

  it('gives the same contact for the same email twice', async () => {
    const contacts = memoryContacts();
    const first = await runNode(captureLead, { ...base, config: { fields }, vars, services: { contacts: contacts.service } });
    const second = await runNode(captureLead, { ...base, conversation: { id: 'conv-2' }, config: { fields }, vars: { email: 'ADA@example.ch' }, services: { contacts: contacts.service } });
    expect(first.records[0]?.data?.contactId).toBe(second.records[0]?.data?.contactId);
  });

  it('takes error without a contacts service, when nothing is filled in, and when the store fails', async () => {
    await expect(runNode(captureLead, { ...base, config: { fields }, vars })).rejects.toMatchObject({ kind: 'threw', errorPort: 'error' });
    const contacts = memoryContacts();
    await expect(runNode(captureLead, { ...base, config: { fields }, vars: {}, services: { contacts: contacts.service } })).rejects.toMatchObject({ errorPort: 'error' });
    expect(contacts.captures).toEqual([]);
    const failing: ContactsService = { captureLead: async () => Promise.reject(new Error('disk full')) };
    await expect(runNode(captureLead, { ...base, config: { fields }, vars, services: { contacts: failing } })).rejects.toMatchObject({ kind: 'threw', errorPort: 'error' });
  });
});

describe('capture_lead with consent', () => {
  it('asks the default privacy question with yes/no and stores after yes, recording the consent', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, { ...base, config: { fields, requireConsent: true, consentVariable: 'consent' }, vars, services: { contacts: contacts.service } });
    expect(run.waiting?.input).toEqual({ type: 'yesno', choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nein' }] });
    expect(run.texts[0]).toMatch(/^Dürfen wir Ihre Angaben speichern/);
    expect(contacts.captures).toEqual([]);
    const yes = await run.answer('ja, gerne');
    expect(yes.port).toBe('captured');
    expect(yes.vars.consent).toBe(true);
    expect(contacts.captures[0]?.consent).toEqual({ text: run.texts[0], answer: 'ja, gerne', at: now.toISOString(), locale: 'de' });
    expect(yes.records[0]?.data?.consent).toEqual(contacts.captures[0]?.consent);
  });

  it('records only "yes" as the answer when the node itself is sensitive', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, { ...base, sensitive: true, config: { fields, requireConsent: true }, vars, services: { contacts: contacts.service } });
    await run.answer('jo, gärn, Kundennummer 4711');
    expect(contacts.captures[0]?.consent?.answer).toBe('Ja');
  });

  it('stores nothing and takes no_consent on no', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, { ...base, locale: 'en', config: { fields, requireConsent: true, consentVariable: 'consent' }, vars, services: { contacts: contacts.service } });
    expect(run.texts[0]).toMatch(/^May we store your details/);
    const no = await run.answer({ choice: 'no' });
    expect(no.port).toBe('no_consent');
    expect(no.vars.consent).toBe(false);
    expect(contacts.captures).toEqual([]);
    expect(no.records.map((record) => record.type)).toEqual(['lead.consent_declined']);
  });

  it('asks again on an unclear answer, then gives up as no consent', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, { ...base, config: { fields, requireConsent: true }, vars, services: { contacts: contacts.service } });
    const first = await run.answer('vielleicht');
    expect(first.texts).toEqual(['Bitte antworten Sie mit Ja oder Nein.']);
    const second = await first.answer('weiss nicht');
    expect(second.waiting).toBeDefined();
    const third = await second.answer('hmm');
    expect(third.port).toBe('no_consent');
    expect(contacts.captures).toEqual([]);
  });

  it('skips the question when the consent variable is already true', async () => {
    const contacts = memoryContacts();
    const run = await runNode(captureLead, {
      ...base, config: { fields, requireConsent: true, consentVariable: 'consent', consentText: 'Datenschutz: …' }, vars: { ...vars, consent: true }, services: { contacts: contacts.service },
    });
    expect(run.port).toBe('captured');
    expect(run.messages).toEqual([]);
    expect(contacts.captures[0]?.consent).toEqual({ text: 'Datenschutz: …', answer: '{{consent}} = true', at: now.toISOString(), locale: 'de' });
  });

  it('requires consent when the flow setting says so, with the flow privacy text', async () => {
    const contacts = memoryContacts();
    const settings = { leadConsent: { required: true, text: { de: 'Einverstanden?', en: 'Agree?' } } };
    const run = await runNode(captureLead, { ...base, settings, config: { fields }, vars, services: { contacts: contacts.service } });
    expect(run.texts).toEqual(['Einverstanden?']);
    const nodeText = await runNode(captureLead, { ...base, settings: { leadConsent: true }, config: { fields, consentText: 'Ok?' }, vars, services: { contacts: contacts.service } });
    expect(nodeText.texts).toEqual(['Ok?']);
  });
});

describe('capture_lead definition', () => {
  it('declares captured, no_consent and an error port', () => {
    expect(portsOf(captureLeadNode, {}).map((port) => [port.id, port.kind ?? 'default'])).toEqual([
      ['captured', 'default'], ['no_consent', 'default'], ['error', 'error'],
    ]);
  });

  it('names every referenced variable for the validator, once', () => {
    const config = captureLeadNode.config.parse({ fields: { name: 'name', email: 'contact' }, custom: { budget: 'budget', other: 'contact' }, consentVariable: 'ok' });
    expect(captureLeadNode.variables?.(config)).toEqual(['name', 'contact', 'budget', 'ok']);
    expect(waitsForInput(captureLeadNode, config)).toBe(false);
    expect(waitsForInput(captureLeadNode, { ...config, requireConsent: true })).toBe(true);
  });

  it('rejects field names that are not variables', () => {
    expect(captureLeadNode.config.safeParse({ fields: { email: 'e mail' } }).success).toBe(false);
    expect(captureLeadNode.config.safeParse({ fields: { fax: 'fax' } }).success).toBe(true); // unknown keys are dropped
  });
});

describe('leadConsent setting', () => {
  it('reads true, objects and junk', () => {
    expect(readLeadConsentSetting(true)).toEqual({ required: true });
    expect(readLeadConsentSetting(undefined)).toEqual({ required: false });
    expect(readLeadConsentSetting({ text: 'x' })).toEqual({ required: true, text: 'x' });
    expect(readLeadConsentSetting({ required: false })).toEqual({ required: false, text: undefined });
    expect(readLeadConsentSetting('yes')).toEqual({ required: false });
  });
});

describe('capture_lead in the flow validator', () => {
  it('reports mapped variables that the flow does not declare', async () => {
    const { validateFlow } = await import('../../flow/validateFlow.js');
    const { NodeRegistry } = await import('../../sdk/nodeRegistry.js');
    const { coreNodeDefinitions } = await import('../../definitions.js');
    const flow = {
      format: 'dialogwerk.flow/1', id: 'f', name: 'F', locales: ['de'], start: 'lead', variables: { email: { type: 'string' } },
      nodes: [
        { id: 'lead', type: 'capture_lead', config: { fields: { email: 'email', phone: 'telefon' } } },
        { id: 'done', type: 'end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'lead', port: 'captured' }, to: 'done' }, { id: 'e2', from: { node: 'lead', port: 'no_consent' }, to: 'done' }, { id: 'e3', from: { node: 'lead', port: 'error' }, to: 'done' }],
    };
    const result = validateFlow(flow, new NodeRegistry(coreNodeDefinitions));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.problems)).toContain('telefon');
  });
});
