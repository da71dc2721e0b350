/** A minimal RFC 5545 reader for tests: unfolds lines and returns each VEVENT's properties (parameters dropped). */
export function parseIcs(text: string): { calendar: Record<string, string>; events: Record<string, string>[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let event: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT') (events.push(event!), (event = undefined));
    else if (line.includes(':')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      (event ?? calendar)[name] = line.slice(colon + 1);
    }
  }
  return { calendar, events };
}
