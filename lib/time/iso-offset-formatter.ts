import { isoWithOffset } from './dates';

// isoWithOffset for many instants at once (a sitemap writes 50,000 dates). The zone's offset
// is looked up through Intl once per UTC day when it is the same at both ends of that day
// (zones change offset at most once a day), otherwise once per quarter hour — offsets only
// ever change on quarter-hour boundaries. The rest is arithmetic; output is identical to
// isoWithOffset.
const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;

function offsetSuffix(time: number, timeZone: string): string {
  return isoWithOffset(new Date(time), timeZone).slice(19);
}

function suffixMinutes(suffix: string): number {
  const sign = suffix.startsWith('-') ? -1 : 1;
  return sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6)));
}

export function createIsoWithOffsetFormatter(timeZone: string): (date: Date) => string {
  // Per UTC day: the day's suffix, or null when the offset changes during that day.
  const days = new Map<number, string | null>();
  const quarters = new Map<number, string>();

  function suffixAt(time: number): string {
    const day = Math.floor(time / DAY);
    let daySuffix = days.get(day);
    if (daySuffix === undefined) {
      const start = offsetSuffix(day * DAY, timeZone);
      daySuffix = offsetSuffix((day + 1) * DAY - 1000, timeZone) === start ? start : null;
      days.set(day, daySuffix);
    }
    if (daySuffix !== null) return daySuffix;
    const quarter = Math.floor(time / QUARTER_HOUR);
    let suffix = quarters.get(quarter);
    if (suffix === undefined) {
      suffix = offsetSuffix(quarter * QUARTER_HOUR, timeZone);
      quarters.set(quarter, suffix);
    }
    return suffix;
  }

  return (date: Date) => {
    const time = Math.floor(date.getTime() / 1000) * 1000;
    if (!Number.isFinite(time)) return isoWithOffset(date, timeZone);
    const suffix = suffixAt(time);
    const wall = new Date(time + suffixMinutes(suffix) * 60_000).toISOString();
    // Years outside 0000–9999 come back with a sign and six digits: leave those to Intl.
    if (wall.length !== 24) return isoWithOffset(date, timeZone);
    return `${wall.slice(0, 19)}${suffix}`;
  };
}
