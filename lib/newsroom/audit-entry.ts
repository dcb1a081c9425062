import { formatDateTime } from '../time/dates';
import { statusLabel } from '@/lib/articles/workflow';

// How an audit entry reads to a person: what was done, to what (an article by its headline,
// linked to the editor), and the details that matter for that action (a banner's text before and
// after, a curated slot's stories before and after). The entries keep what the mutations wrote
// (db/mutations/*); this only reads them, and an entry of an unknown shape still reads as text.

/** A run of text, or a link within it. */
export type AuditText = { text: string; href?: string }[];

export interface AuditDetail {
  label: string;
  value: AuditText;
}

export interface AuditEntryText {
  action: string;
  target: AuditText;
  details: AuditDetail[];
}

/** What the page looks up for the entries it shows: each article's headline, once. */
export interface AuditArticle {
  title: string;
  deleted: boolean;
}

export interface AuditEntryInput {
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_in_throttled': 'Sign-in held (too many failures)',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_everywhere': 'Signed out everywhere',
  'user.created': 'User created',
  'user.invited': 'User invited',
  'user.role_changed': 'Role changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.reset_link_issued': 'Password reset',
  'user.password_set': 'Password set via link',
  'user.password_changed': 'Password changed',
  'user.account_updated': 'Account updated',
  'article.create': 'Article created',
  'article.submit': 'Sent for review',
  'article.approve': 'Approved',
  'article.schedule': 'Scheduled',
  'article.publish': 'Published',
  'article.publish_failed': 'Scheduled publication failed',
  'article.unpublish': 'Unpublished',
  'article.return_to_draft': 'Returned to draft',
  'article.note_added': 'Public note added',
  'article.delete': 'Moved to the trash',
  'article.restore': 'Restored from the trash',
  'article.revision_restored': 'Revision restored',
  'article.preview_link': 'Preview link shared',
  'article.preview_links_revoked': 'Preview links withdrawn',
  'live.started': 'Live coverage started',
  'live.ended': 'Live coverage ended',
  'live.key_points': 'Live key points changed',
  'live.update_posted': 'Live update posted',
  'live.update_edited': 'Live update edited',
  'live.update_deleted': 'Live update deleted',
  'media.uploaded': 'Image uploaded',
  'media.updated': 'Image details changed',
  'media.deleted': 'Image deleted',
  'section.created': 'Section created',
  'section.updated': 'Section changed',
  'section.deleted': 'Section deleted',
  'sections.reordered': 'Sections reordered',
  'tag.created': 'Tag created',
  'tag.updated': 'Tag changed',
  'tag.merged': 'Tags merged',
  'tag.deleted': 'Tag deleted',
  'byline.created': 'Byline created',
  'byline.updated': 'Byline changed',
  'byline.deleted': 'Byline deleted',
  'curation.updated': 'Front page slot changed',
  'breaking.updated': 'Breaking-news banner changed',
  'settings.updated': 'Site settings changed',
  'redirect.created': 'Redirect added',
  'redirect.deleted': 'Redirect removed',
};


const SLOT_LABELS: Record<string, string> = { lead: 'Lead story', top: 'Top stories', picks: "Editors' Picks" };

const SIGN_IN_FAILURES: Record<string, string> = {
  unknown_email: 'no account with that email',
  wrong_password: 'wrong password',
  disabled: 'the account is disabled',
};

const FIELD_LABELS: Record<string, string> = {
  siteName: 'Site name',
  timeZone: 'Time zone',
  name: 'Name',
  slug: 'Address',
  alt: 'Alt text',
  caption: 'Caption',
  credit: 'Credit',
  rightsExpireAt: 'Usage rights end',
};

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const plain = (text: string): AuditText => [{ text }];
const detail = (label: string, text: string): AuditDetail => ({ label, value: plain(text) });
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const status = statusLabel;
const quoted = (text: string) => `“${text}”`;

function time(value: unknown, timeZone: string): string | null {
  const text = str(value);
  const date = text ? new Date(text) : null;
  return date && !Number.isNaN(date.getTime()) ? formatDateTime(date, timeZone) : null;
}

/** Any value as a person would read it: text as it is, lists joined, objects as "key: value". */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatAuditValue).join(', ');
  if (isFields(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${FIELD_LABELS[key] ?? key}: ${formatAuditValue(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** The article ids an entry names: its target and the stories of a curated slot. */
export function listAuditArticleIds(entries: readonly AuditEntryInput[]): number[] {
  const ids = new Set<number>();
  for (const entry of entries) {
    if (entry.targetType === 'article' && entry.targetId && /^\d+$/.test(entry.targetId)) ids.add(Number(entry.targetId));
    if (entry.action === 'curation.updated' && isFields(entry.details)) {
      for (const key of ['before', 'after']) {
        const list = entry.details[key];
        if (Array.isArray(list)) for (const id of list) if (Number.isInteger(id)) ids.add(id as number);
      }
    }
  }
  return [...ids];
}

function articleLink(id: number, articles: ReadonlyMap<number, AuditArticle>, fallbackTitle: string | null): AuditText {
  const article = articles.get(id);
  if (article && !article.deleted) return [{ text: article.title, href: `/admin/articles/${id}` }];
  const title = article?.title ?? fallbackTitle;
  if (!title) return plain(`Article #${id} (no longer exists)`);
  return plain(article?.deleted ? `${title} (in the trash)` : title);
}

function storyList(value: unknown, articles: ReadonlyMap<number, AuditArticle>): AuditText {
  if (!Array.isArray(value) || value.length === 0) return plain('(none)');
  const out: AuditText = [];
  value.forEach((id, index) => {
    if (index > 0) out.push({ text: value.length > 1 ? ` · ${index + 1}. ` : ' · ' });
    else if (value.length > 1) out.push({ text: '1. ' });
    out.push(...(Number.isInteger(id) ? articleLink(id as number, articles, null) : plain(String(id))));
  });
  return out;
}

function banner(value: unknown, timeZone: string): string {
  if (!isFields(value) || !str(value.text)) return 'No banner';
  const parts = [quoted(String(value.text))];
  if (str(value.url)) parts.push(`linking to ${value.url}`);
  const until = time(value.expiresAt, timeZone);
  parts.push(until ? `until ${until}` : 'until cleared');
  return parts.join(', ');
}

// Every field that differs between two objects, as "before → after".
function changes(before: unknown, after: unknown): AuditDetail[] {
  if (!isFields(before) || !isFields(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => detail(FIELD_LABELS[key] ?? key, `${formatAuditValue(before[key])} → ${formatAuditValue(after[key])}`));
}

function nameAndSlug(details: Fields): string | null {
  const name = str(details.name);
  if (!name) return null;
  return str(details.slug) ? `${name} (${details.slug})` : name;
}

function targetOf(entry: AuditEntryInput, details: Fields, articles: ReadonlyMap<number, AuditArticle>): AuditText {
  const { targetType, targetId } = entry;
  if (!targetType) return [];
  if (targetType === 'article' && targetId && /^\d+$/.test(targetId)) return articleLink(Number(targetId), articles, str(details.title));
  // Signing in or out names the actor's own account, already in the Who column; the banner and
  // the site settings are what the action's name says.
  if (targetType === 'user' && entry.action.startsWith('auth.')) return [];
  if (targetType === 'settings') return [];
  if (targetType === 'user') return plain(str(details.email) ?? (targetId ? `User #${targetId}` : 'User'));
  if (targetType === 'curation') return plain(SLOT_LABELS[String(targetId)] ?? String(targetId));
  if (targetType === 'section' || targetType === 'tag' || targetType === 'byline') {
    const kind = { section: 'Section', tag: 'Tag', byline: 'Byline' }[targetType];
    const named = nameAndSlug(details) ?? (isFields(details.after) ? nameAndSlug(details.after) : null);
    if (entry.action === 'tag.merged' && isFields(details.into)) return plain(`${kind} ${quoted(String(details.into.name))}`);
    if (named) return plain(`${kind} ${named}`);
    return plain(targetId ? `${kind} #${targetId}` : `${kind}s`);
  }
  if (targetType === 'media') return plain(str(details.originalName) ?? `Image #${targetId}`);
  if (targetType === 'redirect') return plain(str(details.from) ?? `Redirect #${targetId}`);
  return plain(targetId ? `${targetType} #${targetId}` : targetType);
}

function detailsOf(entry: AuditEntryInput, d: Fields, articles: ReadonlyMap<number, AuditArticle>, timeZone: string): AuditDetail[] {
  switch (entry.action) {
    case 'breaking.updated':
      return [detail('Before', banner(d.before, timeZone)), detail('After', banner(d.after, timeZone))];
    case 'curation.updated':
      return [
        { label: 'Before', value: storyList(d.before, articles) },
        { label: 'After', value: storyList(d.after, articles) },
      ];
    case 'settings.updated':
    case 'section.updated':
    case 'tag.updated':
    case 'byline.updated':
      return changes(d.before, d.after);
    case 'article.submit':
    case 'article.approve':
    case 'article.schedule':
    case 'article.publish':
    case 'article.unpublish':
    case 'article.return_to_draft': {
      const out = [detail('Status', `${status(d.from)} → ${status(d.to)}`)];
      const at = d.to === 'scheduled' ? time(d.scheduledAt, timeZone) : null;
      if (at) out.push(detail('Goes live', at));
      return out;
    }
    case 'article.delete':
      return d.status ? [detail('Was', status(d.status))] : [];
    case 'article.restore':
      return d.to ? [detail('Returns as', status(d.to))] : [];
    case 'article.note_added':
      return [detail(str(d.kind) ? `${String(d.kind)[0]!.toUpperCase()}${String(d.kind).slice(1)}` : 'Note', formatAuditValue(d.text))];
    case 'article.revision_restored':
      return num(d.restoredVersion) !== null ? [detail('Version', `${d.restoredVersion} restored as ${formatAuditValue(d.newVersion)}`)] : [];
    case 'article.preview_link': {
      const until = time(d.expiresAt, timeZone);
      return until ? [detail('Valid until', until)] : [];
    }
    case 'article.publish_failed':
      return [detail('Reason', formatAuditValue(d.reason))];
    case 'article.create':
      return [];
    case 'auth.sign_in_failed':
      return d.reason ? [detail('Reason', SIGN_IN_FAILURES[String(d.reason)] ?? formatAuditValue(d.reason))] : [];
    case 'auth.sign_out_everywhere':
      return num(d.sessions) !== null ? [detail('Sessions ended', String(d.sessions))] : [];
    case 'user.role_changed':
      return [detail('Role', `${formatAuditValue(d.from)} → ${formatAuditValue(d.to)}`)];
    case 'user.created':
    case 'user.invited':
      return d.role ? [detail('Role', formatAuditValue(d.role))] : [];
    case 'user.disabled':
    case 'user.enabled':
    case 'user.reset_link_issued':
      return [];
    case 'tag.merged':
      return [
        detail('Merged', `${quoted(formatAuditValue(isFields(d.from) ? d.from.name : d.from))} into ${quoted(formatAuditValue(isFields(d.into) ? d.into.name : d.into))}`),
        ...(num(d.articles) !== null ? [detail('Articles moved', String(d.articles))] : []),
      ];
    case 'section.created':
    case 'section.deleted':
    case 'tag.created':
    case 'tag.deleted':
    case 'byline.created':
    case 'byline.deleted':
      return num(d.articles) !== null ? [detail('Articles', String(d.articles))] : [];
    case 'sections.reordered':
      return Array.isArray(d.order) ? [detail('Sections', `${d.order.length} in a new order`)] : [];
    case 'redirect.created':
    case 'redirect.deleted':
      return [detail('From', formatAuditValue(d.from ?? d.fromPath)), detail('To', formatAuditValue(d.to ?? d.toPath))];
    case 'media.uploaded':
      return num(d.size) !== null ? [detail('File', `${formatAuditValue(d.mimeType)}, ${Math.max(1, Math.round((d.size as number) / 1024))} KB`)] : [];
    case 'media.updated':
      return Array.isArray(d.changed)
        ? [detail('Changed', [...new Set(d.changed.map((key) => (key === 'focalX' || key === 'focalY' ? 'Focal point' : (FIELD_LABELS[String(key)] ?? String(key)))))].join(', '))]
        : [];
    default:
      return Object.entries(d).map(([key, value]) => detail(FIELD_LABELS[key] ?? key, formatAuditValue(value)));
  }
}

/** The entry as the audit page shows it. */
export function describeAuditEntry(
  entry: AuditEntryInput,
  articles: ReadonlyMap<number, AuditArticle>,
  timeZone: string,
): AuditEntryText {
  const d = isFields(entry.details) ? entry.details : {};
  return {
    action: AUDIT_ACTION_LABELS[entry.action] ?? entry.action,
    target: targetOf(entry, d, articles),
    details: detailsOf(entry, d, articles, timeZone),
  };
}
