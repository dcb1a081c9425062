// Every date a reader sees is in the newsroom's time zone (the `time_zone` setting), never the
// server's: each function takes the IANA zone explicitly and works on instants, so process.env.TZ
// never changes a result. Output is English, as the rest of the site.

export const DEFAULT_TIME_ZONE = 'Europe/Kyiv';

const DAY_MS = 86_400_000;

type FormatKind = 'parts' | 'masthead' | 'published' | 'dayHeading' | 'dayHeadingWithYear' | 'zoneUS' | 'zoneGB';

const FORMAT_OPTIONS: Record<FormatKind, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  parts: {
    locale: 'en-US',
    options: {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
  },
  masthead: { locale: 'en-US', options: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' } },
  published: { locale: 'en-US', options: { year: 'numeric', month: 'long', day: 'numeric' } },
  dayHeading: { locale: 'en-US', options: { weekday: 'long', month: 'long', day: 'numeric' } },
  dayHeadingWithYear: { locale: 'en-US', options: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' } },
  // en-US names US zones ("EST") and en-GB European ones ("EET", "BST"); see zoneAbbreviation.
  zoneUS: { locale: 'en-US', options: { timeZoneName: 'short' } },
  zoneGB: { locale: 'en-GB', options: { timeZoneName: 'short' } },
};

// Building a DateTimeFormat costs far more than using one; a page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: FormatKind, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    const { locale, options } = FORMAT_OPTIONS[kind];
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// The wall-clock reading in timeZone at this instant.
function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatter('parts', timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function toDayKey(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// The calendar day ('YYYY-MM-DD') this instant falls on in timeZone.
export function dayKey(date: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(date, timeZone);
  return toDayKey(year, month, day);
}

// A day key as noon UTC on that date: weekday and month names of a calendar date do not
// depend on any zone, so these are formatted in UTC.
function dayKeyToUtcNoon(key: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

function shiftDayKey(key: string, days: number): string {
  const noon = dayKeyToUtcNoon(key);
  if (!noon) return key;
  const shifted = new Date(noon.getTime() + days * DAY_MS);
  return toDayKey(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

// "Thursday, November 26, 2026"
export function formatMastheadDate(date: Date, timeZone: string): string {
  return formatter('masthead', timeZone).format(date);
}

// A News Feed day heading: "Saturday, September 20", with the year only for a day outside the
// current year in the newsroom's zone; today and yesterday say so first ("Today · Thursday,
// November 26"), so a page read later, printed or shared still names its days.
export function formatDayHeading(key: string, timeZone: string, now: Date): string {
  const noon = dayKeyToUtcNoon(key);
  if (!noon) return key;
  const today = dayKey(now, timeZone);
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  const date = formatter(sameYear ? 'dayHeading' : 'dayHeadingWithYear', 'UTC').format(noon);
  if (key === today) return `Today · ${date}`;
  if (key === shiftDayKey(today, -1)) return `Yesterday · ${date}`;
  return date;
}

export interface DayGroup<T> {
  key: string;
  label: string;
  items: T[];
}

// Items under day headings, in the order the days first appear and the items came (the
// caller passes them newest first).
export function groupByDay<T>(
  items: T[],
  getDate: (item: T) => Date,
  timeZone: string,
  now: Date,
): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const key = dayKey(getDate(item), timeZone);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: formatDayHeading(key, timeZone, now), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

// "November 26, 2026"
export function formatPublishedDate(date: Date, timeZone: string): string {
  return formatter('published', timeZone).format(date);
}

// "14:05", 24-hour clock.
export function formatTime(date: Date, timeZone: string): string {
  const { hour, minute } = zonedParts(date, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

// "November 26, 2026, 14:05 EET"
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatPublishedDate(date, timeZone)}, ${formatTime(date, timeZone)} ${zoneAbbreviation(date, timeZone)}`;
}

// The zone's short name at that instant. No single locale knows every abbreviation ("EET" is
// only in en-GB, "EST" only in en-US); when neither has one, "GMT+2" is honest enough.
function zoneAbbreviation(date: Date, timeZone: string): string {
  const us = zoneNamePart('zoneUS', date, timeZone);
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = zoneNamePart('zoneGB', date, timeZone);
  return /^[A-Z]{2,5}$/.test(gb) && !gb.startsWith('GMT') ? gb : us;
}

function zoneNamePart(kind: 'zoneUS' | 'zoneGB', date: Date, timeZone: string): string {
  return formatter(kind, timeZone).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

// How far the zone's clock (read as `parts`) is ahead of UTC at this instant, in minutes.
function offsetMinutes(date: Date, parts: ZonedParts): number {
  const { year, month, day, hour, minute, second } = parts;
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instantToSecond = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc - instantToSecond) / 60_000);
}

// Seconds from now until the next midnight in timeZone: how long a page that shows "today"
// may be cached. DST days last 23 or 25 hours, and in a few zones the day starts at 01:00
// because midnight itself is skipped, so the next day's first instant is searched for
// instead of computed from a fixed day length.
export function secondsUntilNextMidnight(now: Date, timeZone: string): number {
  return Math.max(1, Math.ceil((nextMidnight(now, timeZone) - now.getTime()) / 1000));
}

// The first millisecond of the next day in the zone (epoch ms).
export function nextMidnight(now: Date, timeZone: string): number {
  const today = dayKey(now, timeZone);
  let before = now.getTime();
  let after = before + 2 * DAY_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayKey(new Date(middle), timeZone) > today) after = middle;
    else before = middle;
  }
  return after;
}

// RFC 3339 with the zone's offset at that instant: '2026-11-26T14:05:00+02:00'.
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts = zonedParts(date, timeZone);
  const { year, month, day, hour, minute, second } = parts;
  const offset = offsetMinutes(date, parts);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return (
    `${toDayKey(year, month, day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

export { isValidTimeZone } from './time-zone.mjs';

// The value of an <input type="datetime-local"> ("2026-11-27T09:30") showing `date` on the
// newsroom's clock.
export function toZonedInputValue(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = zonedParts(date, timeZone);
  return `${toDayKey(year, month, day)}T${pad(hour)}:${pad(minute)}`;
}

// The instant a newsroom means by a wall-clock time in its zone ("2026-11-27T09:30" in
// Europe/Kyiv), or null when the text is not such a time or that time does not exist there
// (skipped by a DST jump). Ambiguous times (the repeated hour) resolve to the earlier instant.
export function fromZonedInputValue(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((p) => Number(p ?? 0)) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(wall)) return null;
  const wanted = toZonedInputValue(new Date(wall), 'UTC');
  // Date.UTC rolls "month 13" over into the next year: such input is not a real time.
  if (wanted !== `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`) return null;
  // Try the offsets the zone has around that day; keep the earliest instant that reads back.
  const candidates = new Set<number>();
  for (const probe of [wall - DAY_MS, wall, wall + DAY_MS]) {
    const offset = offsetMinutes(new Date(probe), zonedParts(new Date(probe), timeZone));
    candidates.add(wall - offset * 60_000);
  }
  const matches = [...candidates]
    .sort((a, b) => a - b)
    .filter((instant) => toZonedInputValue(new Date(instant), timeZone) === wanted);
  return matches.length > 0 ? new Date(matches[0]!) : null;
}
