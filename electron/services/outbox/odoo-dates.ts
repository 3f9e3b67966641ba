const formats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - instantMs) / 60_000);
}

/**
 * A planner's calendar day as the datetime Odoo stores: noon of that day in the region's time zone,
 * in UTC, as "YYYY-MM-DD HH:MM:SS" (Odoo's wire format; reference §2.2). Noon keeps the day the
 * same whichever way a reader converts it back.
 */
export function odooDatetimeOfDay(date: string, timeZone: string): string {
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  const instant = noonUtc - zoneOffsetMinutes(noonUtc, timeZone) * 60_000;
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}
