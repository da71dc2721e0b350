import { z } from 'zod';
import { fail, isBlank, ok, type ParseResult } from './result.js';

const emailSchema = z.email();

/**
 * zod's email pattern is ASCII-only, yet umlaut domains such as müller.de are
 * real in this market. Validate the punycode form (URL is available in browsers
 * and Node alike) and keep what the customer typed.
 */
function asciiDomain(domain: string): string | undefined {
  if (/^[\x00-\x7f]*$/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Validates an e-mail address. Only the domain is lowercased: domains are
 * case-insensitive, but a mail server may treat "Max" and "max" as different mailboxes.
 */
export function parseEmail(text: string | undefined): ParseResult {
  if (isBlank(text)) return fail('empty');
  // Chat answers often end a sentence with the address: "max@firma.de."
  const address = text!.trim().replace(/^mailto:/i, '').replace(/[.,;!?]+$/, '');
  const at = address.lastIndexOf('@');
  if (at < 1) return fail('invalid_email');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  const ascii = asciiDomain(domain);
  if (ascii === undefined || !emailSchema.safeParse(`${local}@${ascii}`).success) return fail('invalid_email');
  return ok(`${local}@${domain}`);
}
