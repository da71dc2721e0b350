/**
 * Numbers as staff exports write them: "12,50" and "12.50", thousands as "1.234,50", "1,234.50", "1'234.50" (Swiss)
 * or "1 234,50", currency signs around them ("CHF 12.50", "12,50 €"). Returns undefined for anything else, and for
 * forms that only a guess could read (see the cases below), so an import fails loudly instead of storing a wrong price.
 */
export function parseStaffNumber(raw: string, kind: 'integer' | 'money'): number | undefined {
  let text = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  text = text.replace(/^(?:[A-Za-z]{3}|[€$£])\s?/, '').replace(/\s?(?:[A-Za-z]{3}|[€$£]|\.-|-{1,2})$/, '').trim();
  const negative = /^[-−]/.test(text);
  if (negative) text = text.slice(1).trim();
  if (!/^\d[\d.,' ]*$/.test(text) || /[.,' ]$/.test(text)) return undefined;
  text = text.replace(/(?<=\d)[' ](?=\d{3}(\D|$))/g, '');
  if (/[' ]/.test(text)) return undefined;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots && commas) {
    // The later mark is the decimal one: "1.234,50" (German) or "1,234.50" (English).
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...rest] = text.split(decimal);
    if (rest.length || !thousandsGrouped(whole!, thousands)) return undefined;
    normalized = `${whole!.split(thousands).join('')}.${fraction}`;
  } else if (dots + commas > 1) {
    // "1.234.567" or "1,234,567": only thousands make sense.
    const mark = dots ? '.' : ',';
    if (!thousandsGrouped(text, mark)) return undefined;
    normalized = text.split(mark).join('');
  } else if (dots + commas === 1) {
    const [whole, fraction] = text.split(/[.,]/) as [string, string];
    // A quantity has no fraction, so "1.234" / "1,234" is a thousands mark there; for money it is a decimal mark.
    normalized = kind === 'integer' && fraction.length === 3 ? whole + fraction : `${whole}.${fraction}`;
  } else {
    normalized = text;
  }
  const value = Number(normalized) * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return undefined;
  if (kind === 'integer') return Number.isInteger(value) && Math.abs(value) <= 1_000_000_000 ? value : undefined;
  const cents = Math.round(value * 100);
  return Math.abs(value * 100 - cents) < 1e-6 && Math.abs(cents) <= 1e13 ? cents / 100 : undefined;
}

function thousandsGrouped(text: string, mark: string): boolean {
  const [head, ...groups] = text.split(mark);
  return /^\d{1,3}$/.test(head!) && groups.every((group) => /^\d{3}$/.test(group));
}
