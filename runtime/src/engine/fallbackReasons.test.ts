import { describe, expect, it } from 'vitest';
import { fallbackReasonText } from './fallbackReasons.js';

describe('fallbackReasonText', () => {
  it('explains each engine fallback in the flow default language', () => {
    expect(fallbackReasonText('port_unconnected', 'frage', 'de')).toBe('Der Ablauf geht nach Knoten „frage“ nicht weiter (Ausgang nicht verbunden).');
    expect(fallbackReasonText('port_unconnected', 'frage', 'en-GB')).toBe('The flow does not continue after node "frage" (output not connected).');
    expect(fallbackReasonText('loop_guard', 'a', 'de-CH')).toContain('im Kreis');
  });

  it('still names the code and node for reasons it has no text for', () => {
    expect(fallbackReasonText('something_new', 'x', 'en')).toBe('Bot failure (something_new) at "x"');
  });
});
