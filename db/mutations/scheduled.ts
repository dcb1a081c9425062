import 'server-only';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, sections, settings } from '@/db/schema';
import {
  mergeFailures,
  parseSchedulerReport,
  SCHEDULER_SETTINGS_KEY,
  type SchedulerFailure,
} from '@/lib/newsroom/scheduler-report';
import { isReservedSlug, isValidSlug } from '@/lib/site/slug';
import { transitionArticle } from './articles';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done } from './common';

// The scheduler's one write: publish every scheduled article whose time has come, and keep
// its word visibly. An article it cannot publish stays scheduled, is tried again on every run,
// and is listed (with the reason) in the 'scheduler' settings row the dashboard reads, so the
// failure survives a restart. Idempotent: an article published by an earlier run is no longer
// 'scheduled'. Articles that fell due while the server was down go out on the first run.
// Each article is published in its own transaction, so one that fails holds back no other.

export type PublishDueResult = Done<{ published: number[]; failed: SchedulerFailure[] }>;

const SCHEDULER_ACTOR: Actor = { id: null, email: 'scheduler', ip: null };

interface DueArticle {
  id: number;
  title: string;
  slug: string;
  sectionSlug: string | null;
}

// Why a due article cannot go live, or null when it can. The editor refuses these on save;
// they can still arise later (a section renamed onto a reserved word, a hand edit).
export function decideUnpublishable(article: DueArticle): string | null {
  if (article.sectionSlug === null) return 'Its section no longer exists.';
  if (isReservedSlug(article.sectionSlug)) return `Its section's address (/${article.sectionSlug}) is reserved.`;
  if (!isValidSlug(article.slug) || isReservedSlug(article.slug)) {
    return `Its slug "${article.slug}" is not a usable address; choose another.`;
  }
  if (article.title.trim() === '') return 'It has no headline.';
  return null;
}

export async function publishDueArticles(now = new Date(), db: DB = getDb()): Promise<PublishDueResult> {
  const due: (DueArticle & { version: number })[] = db
    .select({ id: articles.id, version: articles.version, title: articles.title, slug: articles.slug, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledAt, now), isNull(articles.deletedAt)))
    .orderBy(asc(articles.scheduledAt), asc(articles.id))
    .all();
  const published: number[] = [];
  const problems: { articleId: number; title: string; reason: string }[] = [];
  const invalidates = new Set<string>();
  for (const article of due) {
    const problem = decideUnpublishable(article);
    if (problem) {
      problems.push({ articleId: article.id, title: article.title, reason: problem });
      continue;
    }
    try {
      // At the version read with the due list: an article changed since (unscheduled, edited)
      // is left for the next run to look at again, never published over the change.
      const result = await transitionArticle(article.id, 'published', SCHEDULER_ACTOR, { now, expectedVersion: article.version }, db);
      if (result.ok) {
        published.push(article.id);
        for (const tag of result.invalidates) invalidates.add(tag);
      } else {
        const reason =
          result.reason === 'refused' ? result.message : result.reason === 'not_found' ? 'The article is gone.' : 'Someone saved it at the same moment; it will be tried again.';
        problems.push({ articleId: article.id, title: article.title, reason });
      }
    } catch (error) {
      problems.push({ articleId: article.id, title: article.title, reason: `Publishing failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const failed = storeSchedulerReport(db, now, published, problems);
  return { ok: true, published, failed, invalidates: [...invalidates] };
}

// Writes the run into the 'scheduler' settings row (read by the dashboard; no cached public
// page shows it, so nothing to invalidate), and an audit entry for each article that began to
// fail on this run (an image whose usage rights ran out, a reserved slug): the log says when and
// why it did not go out, without an entry for every retry.
function storeSchedulerReport(
  db: DB,
  now: Date,
  published: number[],
  problems: { articleId: number; title: string; reason: string }[],
): SchedulerFailure[] {
  return db.transaction((tx) => {
    const row = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, SCHEDULER_SETTINGS_KEY)).get();
    const previous = parseSchedulerReport(row?.value);
    const failing = new Map(previous.failures.map((f) => [f.articleId, f.reason]));
    for (const problem of problems) {
      if (failing.get(problem.articleId) === problem.reason) continue;
      appendAudit(tx, {
        action: 'article.publish_failed',
        ...auditedBy(SCHEDULER_ACTOR),
        targetType: 'article',
        targetId: problem.articleId,
        details: { title: problem.title, reason: problem.reason },
        at: now,
      });
    }
    const failures = mergeFailures(previous.failures, problems, now);
    const value = { lastRunAt: now.toISOString(), lastPublishedIds: published, failures };
    tx.insert(settings)
      .values({ key: SCHEDULER_SETTINGS_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    return failures;
  });
}
