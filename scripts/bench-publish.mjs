// Publishing from the benches (npm run bench, scripts/bench-reader-documents.mjs), against a
// production server that runs on dataDir: a bench editor is written into the data set and signed
// in with a session cookie minted with the server's own secret, and drafts are published through
// the newsroom API as the Publish button does.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';

/** A signed-in editor's cookie header for the server on dataDir. */
export async function benchEditorCookie(dataDir) {
  const db = new Database(path.join(dataDir, 'gazette.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const email = 'bench-editor@gazette.test';
    db.prepare(`INSERT OR IGNORE INTO users (email, name, role) VALUES (?, 'Bench Editor', 'editor')`).run(email);
    const user = db.prepare('SELECT id, session_version AS sv FROM users WHERE email = ?').get(email);
    // A session row like a sign-in's (platform/sessions.ts): the cookie carries the id, the table its SHA-256.
    const sid = randomBytes(32).toString('base64url');
    db.prepare('INSERT INTO user_sessions (id, user_id, created_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?)').run(
      createHash('sha256').update(sid, 'utf8').digest('hex'),
      user.id,
      Date.now(),
      Date.now() + 3_600_000,
      'bench',
    );
    const secret = process.env.AUTH_SECRET?.trim() || fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
    const token = await encode({
      salt: 'authjs.session-token',
      secret,
      maxAge: 3600,
      token: { sub: String(user.id), name: 'Bench Editor', email, uid: user.id, sv: user.sv, role: 'editor', sid },
    });
    return `authjs.session-token=${token}`;
  } finally {
    db.close();
  }
}

/** Publishable drafts (a byline, a body), newest first. */
export function pickDrafts(dataDir, count) {
  const db = new Database(path.join(dataDir, 'gazette.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT a.id, a.version, a.title, a.slug, s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id
         WHERE a.status = 'draft' AND a.deleted_at IS NULL AND a.word_count > 0 AND a.kind <> 'feed'
           AND EXISTS (SELECT 1 FROM article_bylines b WHERE b.article_id = a.id)
         ORDER BY a.id DESC LIMIT ?`,
      )
      .all(count);
  } finally {
    db.close();
  }
}

/** Publishes one draft; resolves when the server has acknowledged it. */
export async function publishDraft(base, cookie, draft) {
  const response = await fetch(`${base}/api/admin/articles/${draft.id}/workflow`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: base },
    body: JSON.stringify({ version: draft.version, to: 'published' }),
  });
  if (!response.ok) throw new Error(`publish answered ${response.status}: ${await response.text()}`);
}

// "Publish → visible": from sending the publish request to the first public response that shows
// the article — on its own page and on the home page.
export async function publishToVisible({ base, dataDir, rounds = 5 }) {
  const cookie = await benchEditorCookie(dataDir);
  const samples = [];
  for (const draft of pickDrafts(dataDir, rounds)) {
    const url = `${base}/${draft.section}/${draft.slug}`;
    const started = performance.now();
    await publishDraft(base, cookie, draft);
    const acknowledged = performance.now() - started;
    let page = null;
    let home = null;
    while (page === null || home === null) {
      if (performance.now() - started > 30_000) throw new Error(`article ${draft.id} not visible after 30 s`);
      if (page === null) {
        const r = await fetch(url);
        if (r.status === 200) page = performance.now() - started;
      }
      if (home === null) {
        const r = await fetch(`${base}/`);
        if ((await r.text()).includes(`/${draft.section}/${draft.slug}"`)) home = performance.now() - started;
      }
    }
    samples.push({ id: draft.id, acknowledgedMs: Math.round(acknowledged), articleVisibleMs: Math.round(page), homeVisibleMs: Math.round(home) });
  }
  if (samples.length === 0) throw new Error('no publishable drafts left in the data set');
  const worst = (key) => Math.max(...samples.map((s) => s[key]));
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return {
    rounds: samples.length,
    medianArticleVisibleMs: median('articleVisibleMs'),
    worstArticleVisibleMs: worst('articleVisibleMs'),
    medianHomeVisibleMs: median('homeVisibleMs'),
    worstHomeVisibleMs: worst('homeVisibleMs'),
    samples,
  };
}
