import { dayKey } from '../time/dates';

// The audit log's filters come from a GET form; this turns them into query bounds. Dates are
// days in the newsroom's zone ('YYYY-MM-DD'), inclusive on both ends.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The first instant of `key` in `timeZone` (DST-safe: searched, not computed). */
export function startOfZonedDay(key: string, timeZone: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let before = guess - DAY_MS;
  let after = guess + DAY_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayKey(new Date(middle), timeZone) >= key) after = middle;
    else before = middle;
  }
  return new Date(after);
}

function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  // The values to put back into the form and the pagination links.
  form: { actor: string; action: string; from: string; to: string };
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

export function decideAuditQuery(params: Params, timeZone: string): AuditQuery {
  const actor = one(params.actor).slice(0, 254);
  const action = one(params.action).slice(0, 64);
  const from = DAY.test(one(params.from)) ? one(params.from) : '';
  const to = DAY.test(one(params.to)) ? one(params.to) : '';
  const page = Number.parseInt(one(params.page), 10);
  return {
    actor: actor || undefined,
    action: action || undefined,
    from: from ? startOfZonedDay(from, timeZone) : undefined,
    to: to ? startOfZonedDay(nextDayKey(to), timeZone) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    form: { actor, action, from, to },
  };
}

export function auditPageHref(form: AuditQuery['form'], page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v) params.set(k, v);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return `/admin/audit${qs ? `?${qs}` : ''}`;
}
