import { createHash, randomBytes } from 'node:crypto';

// The Most Popular counter, without cookies and without storing addresses. What it
// promises, per client address (the trusted one, decideClientAddress in gateway/request-guard.mjs; requests without one
// share a single unknown reader):
//  - an article is counted at most once per address and clock hour, whatever user agent is
//    claimed: the agent is the client's to choose, so it is no part of the reader;
//  - an address adds at most MAX_VIEWS_PER_ADDRESS_PER_HOUR views in a clock hour, beyond
//    which its views are 'limited', not counted;
//  - memory stays bounded whatever the traffic: beyond the caps below views are 'dropped'.
// Addresses are kept only as hashes with a salt that is random, held only in memory and replaced
// every UTC day, so yesterday's hashes cannot be linked to today's and none can be reversed.
// Counts are kept in memory and written in batches, so a spike is never a write per request.
//
// Several instances (docs/scaling.md) count into one total: with a shared ledger (Redis,
// server/view-ledger-redis.ts) the day's salt and the "seen this hour" record are the ledger's,
// so a reader whose beacons reach two instances still counts once. While the ledger cannot
// answer, each instance counts on its own (a reader may then count once per instance).

const HOUR_MS = 3_600_000;
// A real reader opens a few dozen articles an hour at most; more from one address is a script,
// or many readers behind one shared address, who then count as one busy reader.
export const MAX_VIEWS_PER_ADDRESS_PER_HOUR = 30;
// Bounds on memory, whatever the traffic: beyond them views are dropped, not stored.
const MAX_SEEN_PER_HOUR = 500_000;
export const MAX_ADDRESSES_PER_HOUR = 100_000;
const MAX_PENDING_KEYS = 50_000;

const BOT_USER_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|quora link preview|whatsapp|telegrambot|discordbot|slackbot|bingpreview|lighthouse|pagespeed|headlesschrome|phantomjs|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|httpclient|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|yandex|baiduspider|duckduckbot|applebot|google-inspectiontool|feedfetcher|monitor|uptime|pingdom|preview/i;

// Known crawlers, preview fetchers, monitors and scripts; an empty user agent is not a reader.
export function isKnownBot(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim().length < 10) return true;
  return BOT_USER_AGENT.test(userAgent);
}

function readerOf(salt: string, address: string): string {
  return createHash('sha256').update(`${salt}\u0000${address}`).digest('base64url');
}

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export interface PageViewCount {
  articleId: number;
  day: string;
  count: number;
}

export type RecordResult = 'counted' | 'duplicate' | 'limited' | 'dropped';

/** What every instance shares to count a reader once (server/view-ledger-redis.ts). */
export interface SharedViewLedger {
  /** The UTC day's salt, the same for every instance; null when the ledger cannot answer. */
  salt(day: string): Promise<string | null>;
  /**
   * Records one view of `articleId` by `reader` (a salted hash) in clock hour `hour`: 'duplicate'
   * when any instance already counted it, 'limited' past `maxPerReader` articles that hour; null
   * when the ledger cannot answer.
   */
  claim(hour: number, reader: string, articleId: number, maxPerReader: number): Promise<'counted' | 'duplicate' | 'limited' | null>;
}

export class ViewRecorder {
  private saltDay = '';
  private salt = '';
  private hour = -1;
  // Per hour: "address hash + article" for each view counted, and views counted per address.
  private seen = new Set<string>();
  private perAddress = new Map<string, number>();
  private pending = new Map<string, PageViewCount>();

  constructor(private readonly randomSalt: () => string = () => randomBytes(32).toString('hex')) {}

  // `address` is the trusted client address, '' when there is none.
  record(articleId: number, address: string, now = Date.now()): RecordResult {
    const day = utcDay(now);
    if (day !== this.saltDay) {
      this.saltDay = day;
      this.salt = this.randomSalt();
    }
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.seen = new Set();
      this.perAddress = new Map();
    }
    const reader = readerOf(this.salt, address);
    const fingerprint = `${reader}:${articleId}`;
    if (this.seen.has(fingerprint)) return 'duplicate';
    const counted = this.perAddress.get(reader) ?? 0;
    if (counted >= MAX_VIEWS_PER_ADDRESS_PER_HOUR) return 'limited';
    const key = `${articleId}|${day}`;
    const entry = this.pending.get(key);
    if (!entry && this.pending.size >= MAX_PENDING_KEYS) return 'dropped';
    if (this.seen.size >= MAX_SEEN_PER_HOUR) return 'dropped';
    if (counted === 0 && this.perAddress.size >= MAX_ADDRESSES_PER_HOUR) return 'dropped';
    this.seen.add(fingerprint);
    this.perAddress.set(reader, counted + 1);
    this.add(articleId, day);
    return 'counted';
  }

  /**
   * As `record`, with the "seen" record and the salt shared by every instance through `ledger`;
   * this instance's own record when the ledger cannot answer.
   */
  async recordShared(articleId: number, address: string, ledger: SharedViewLedger, now = Date.now()): Promise<RecordResult> {
    const day = utcDay(now);
    const salt = await ledger.salt(day);
    if (salt === null) return this.record(articleId, address, now);
    if (!this.pending.has(`${articleId}|${day}`) && this.pending.size >= MAX_PENDING_KEYS) return 'dropped';
    const claimed = await ledger.claim(Math.floor(now / HOUR_MS), readerOf(salt, address), articleId, MAX_VIEWS_PER_ADDRESS_PER_HOUR);
    if (claimed === null) return this.record(articleId, address, now);
    if (claimed === 'counted') this.add(articleId, day);
    return claimed;
  }

  private add(articleId: number, day: string): void {
    const key = `${articleId}|${day}`;
    const entry = this.pending.get(key);
    if (entry) entry.count += 1;
    else this.pending.set(key, { articleId, day, count: 1 });
  }

  pendingCount(): number {
    let total = 0;
    for (const entry of this.pending.values()) total += entry.count;
    return total;
  }

  // Hands over what has been counted since the last call. A failed write puts it back.
  async flush(write: (counts: PageViewCount[]) => Promise<unknown> | void): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await write(batch);
    } catch (error) {
      for (const item of batch) {
        const key = `${item.articleId}|${item.day}`;
        const entry = this.pending.get(key);
        if (entry) entry.count += item.count;
        else this.pending.set(key, item);
      }
      throw error;
    }
    return batch.reduce((sum, item) => sum + item.count, 0);
  }
}
