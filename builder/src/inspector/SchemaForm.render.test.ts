import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../i18n/i18n.js';
import { coreSchema, coreSchemas } from './coreSchemas.testing.js';
import { SchemaForm, type SchemaFormProps } from './SchemaForm.js';

/**
 * The repo has no DOM test environment (no jsdom or happy-dom), so these tests render the form to static HTML with
 * react-dom/server and check its structure: labels, ids, aria links, messages. Interaction is covered by the pure modules' tests.
 */
function render(props: Partial<SchemaFormProps> & Pick<SchemaFormProps, 'schema'>, language: 'de' | 'en' = 'de'): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
  const form = createElement(SchemaForm, { value: {}, onChange: () => {}, locales: ['de', 'en'], variables: ['name', 'email'], idPrefix: 'f', ...props });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, form));
}

const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const controlIds = (html: string) => [...html.matchAll(/<(?:input|select|textarea)\b[^>]*?\bid="([^"]+)"/g)].map((match) => match[1]!);
const labelTargets = (html: string) => new Set([...html.matchAll(/<label\b[^>]*?\bfor="([^"]+)"/g)].map((match) => match[1]!));
const allIds = (html: string) => new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]!));
const describedByTargets = (html: string) => [...html.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((match) => match[1]!.split(' '));

function expectAccessible(html: string) {
  const labelled = labelTargets(html);
  const ids = allIds(html);
  expect(controlIds(html).filter((id) => !labelled.has(id))).toEqual([]);
  expect(describedByTargets(html).filter((id) => !ids.has(id))).toEqual([]);
  expect([...html.matchAll(/\bid="([^"]+)"/g)].length).toBe(ids.size);
}

describe('SchemaForm markup', () => {
  it('labels every control of every core node, links every description, and uses unique ids', () => {
    for (const [type, schema] of Object.entries(coreSchemas)) {
      const html = render({ schema });
      expect(html, type).toContain('schema-form');
      expectAccessible(html);
    }
  });

  it('shows German titles in a German UI and English ones in an English UI, falling back to the property name', () => {
    const german = decode(render({ schema: coreSchema('book_slot') }, 'de'));
    expect(german).toContain('Dauer (Minuten)');
    expect(german).not.toContain('Duration (minutes)');
    expect(german).toContain('Standard: 30');
    const english = decode(render({ schema: coreSchema('book_slot') }, 'en'));
    expect(english).toContain('Duration (minutes)');
    expect(english).toContain('Default: 30');
    expect(decode(render({ schema: coreSchema('http_request') }, 'en'))).toContain('Timeout ms');
  });

  it('renders one text field per flow locale, and one plain field for a one-locale flow', () => {
    const value = { text: { de: 'Wie heißen Sie?', en: 'What is your name?' }, variable: 'name' };
    const twoLocales = decode(render({ schema: coreSchema('ask'), value }));
    expect(twoLocales).toContain('<legend>Frage</legend>');
    expect(twoLocales).toMatch(/<label for="f--text--de">Deutsch \(de\)<\/label>/);
    expect(twoLocales).toMatch(/<label for="f--text--en">Englisch \(en\)<\/label>/);
    expect(twoLocales).toContain('>What is your name?</textarea>');
    const oneLocale = decode(render({ schema: coreSchema('ask'), value: { text: 'Wie heißen Sie?' }, locales: ['de'] }));
    expect(oneLocale).toMatch(/<label for="f--text">Frage<\/label>/);
    expect(oneLocale).not.toContain('f--text--de');
  });

  it('offers a variable picker on texts and a select of declared variables for variable fields', () => {
    const html = decode(render({ schema: coreSchema('ask'), value: { text: 'x', variable: 'kunde' } }));
    expect(html).toContain('aria-label="Variable einfügen: Frage, Deutsch (de)"');
    expect(html).toContain('aria-expanded="false"');
    const select = html.match(/<select id="f--variable"[\s\S]*?<\/select>/)![0];
    expect(select).toContain('<option value="name">name</option>');
    expect(select).toContain('<option value="email">email</option>');
    expect(select).toContain('kunde (nicht deklariert)');
  });

  it('shows the caller’s problems and its own checks beside their fields, linked with aria-describedby', () => {
    const html = decode(
      render({ schema: coreSchema('ask'), value: { text: { de: 'Frage?' }, variable: 'name', maxRetries: 20 }, problems: [{ path: ['text', 'en'], message: 'Englischer Text fehlt' }] }),
    );
    expect(html).toMatch(/<ul id="f--text--en-errors"[^>]*><li>Englischer Text fehlt<\/li><\/ul>/);
    expect(html).toMatch(/<textarea id="f--text--en"[^>]*aria-describedby="f--text--en-errors"[^>]*aria-invalid="true"/);
    expect(html).toContain('<li>Höchstens 10.</li>');
    expect(html).toMatch(/<input id="f--maxRetries"[^>]*aria-describedby="f--maxRetries-errors"/);
  });

  it('lists problems no field shows at the top of the form', () => {
    const html = decode(render({ schema: coreSchema('ask'), value: { text: 'x', variable: 'name' }, problems: [{ path: ['choices', 3], message: 'Unbekannte Auswahl' }] }));
    expect(html).toMatch(/schema-form__problems[\s\S]*Unbekannte Auswahl/);
  });

  it('renders arrays with labelled add, move and remove buttons, and records as name/value rows', () => {
    const rules = decode(render({ schema: coreSchema('condition'), value: { rules: [{ port: 'a', var: 'name', op: 'eq' }, { port: 'b', var: 'name', op: 'empty' }] } }, 'en'));
    expect(rules).toContain('aria-label="Move Rules 2 up"');
    expect(rules).toMatch(/<button type="button" id="[^"]*item0-up" disabled="" aria-label="Move Rules 1 up"/);
    expect(rules).toContain('aria-label="Remove Rules 1"');
    expect(rules).toContain('aria-label="Add: Rules"');
    const headers = decode(render({ schema: coreSchema('http_request'), value: { url: 'https://example.org', headers: { Authorization: 'Bearer {{token}}' } } }, 'en'));
    expect(headers).toMatch(/<label for="f--headers-key0">Name<\/label><input id="f--headers-key0" type="text" value="Authorization"/);
    expect(headers).toContain('aria-label="Remove entry Authorization"');
    expect(headers).toContain('>Bearer {{token}}</textarea>');
  });

  it('shows defaults in selects and checkboxes', () => {
    const html = decode(render({ schema: coreSchema('http_request'), value: { url: 'x' } }, 'en'));
    expect(html).toContain('<option value="" selected="">Default (GET)</option>');
    expect(decode(render({ schema: coreSchema('check_stock') }, 'en'))).toMatch(/<input id="f--notifySales" type="checkbox"[^>]*checked=""/);
    expect(decode(render({ schema: coreSchema('check_stock') }, 'de'))).toContain('<p>Standard: Ja</p>');
  });
});
