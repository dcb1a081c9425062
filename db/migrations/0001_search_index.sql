-- Full-text index over published-or-not article text. External content table:
-- the triggers below keep it in sync on every insert, update and delete, so no
-- code path can save an article and forget the index. Queries filter on status.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, dek, body_text,
  content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, dek, body_text) VALUES (new.id, new.title, new.dek, new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body_text) VALUES ('delete', old.id, old.title, old.dek, old.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, dek, body_text ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body_text) VALUES ('delete', old.id, old.title, old.dek, old.body_text);
  INSERT INTO articles_fts(rowid, title, dek, body_text) VALUES (new.id, new.title, new.dek, new.body_text);
END;
