-- Search finds bylines and tags, and knows the corpus's words (decision 019).
--
-- articles.byline_names / tag_names (0012) hold each article's byline and tag names, written
-- only by the triggers below: when a byline or tag is added to or removed from an article, moved,
-- renamed, merged or deleted (a delete cascades to the link rows, whose triggers run). The search
-- index reads them like any other column of the article.
--
-- articles_fts is rebuilt with the two new columns (external content, porter-stemmed, as before).
-- articles_words is the spelling dictionary: the words of headlines, deks, bylines and tags
-- (bodies would make it twenty times larger and slower to read), unstemmed, only which articles
-- hold each word (detail=none, no column sizes: the smallest index FTS5 makes), read through the
-- fts5vocab table articles_words_vocab as (term, doc) pairs for "Did you mean".
DROP TRIGGER IF EXISTS `articles_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `articles_fts`;
--> statement-breakpoint
UPDATE `articles` SET
  `byline_names` = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = articles.id), ''),
  `tag_names` = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles.id), '');
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, dek, body_text, byline_names, tag_names,
  content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_words` USING fts5(
  title, dek, byline_names, tag_names,
  content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', detail='none', columnsize=0
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_words_vocab` USING fts5vocab(`articles_words`, 'row');
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO articles_words(articles_words) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, dek, body_text, byline_names, tag_names)
    VALUES (new.id, new.title, new.dek, new.body_text, new.byline_names, new.tag_names);
  INSERT INTO articles_words(rowid, title, dek, byline_names, tag_names)
    VALUES (new.id, new.title, new.dek, new.byline_names, new.tag_names);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body_text, byline_names, tag_names)
    VALUES ('delete', old.id, old.title, old.dek, old.body_text, old.byline_names, old.tag_names);
  INSERT INTO articles_words(articles_words, rowid, title, dek, byline_names, tag_names)
    VALUES ('delete', old.id, old.title, old.dek, old.byline_names, old.tag_names);
END;
--> statement-breakpoint
-- Only when indexed text changed: a save that touches status or times leaves the index alone.
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, dek, body_text, byline_names, tag_names ON `articles`
WHEN old.title IS NOT new.title OR old.dek IS NOT new.dek OR old.body_text IS NOT new.body_text
  OR old.byline_names IS NOT new.byline_names OR old.tag_names IS NOT new.tag_names
BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body_text, byline_names, tag_names)
    VALUES ('delete', old.id, old.title, old.dek, old.body_text, old.byline_names, old.tag_names);
  INSERT INTO articles_fts(rowid, title, dek, body_text, byline_names, tag_names)
    VALUES (new.id, new.title, new.dek, new.body_text, new.byline_names, new.tag_names);
  INSERT INTO articles_words(articles_words, rowid, title, dek, byline_names, tag_names)
    VALUES ('delete', old.id, old.title, old.dek, old.byline_names, old.tag_names);
  INSERT INTO articles_words(rowid, title, dek, byline_names, tag_names)
    VALUES (new.id, new.title, new.dek, new.byline_names, new.tag_names);
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_bylines_ai` AFTER INSERT ON `article_bylines` BEGIN
  UPDATE articles SET byline_names = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = new.article_id), '')
   WHERE id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_bylines_ad` AFTER DELETE ON `article_bylines` BEGIN
  UPDATE articles SET byline_names = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = old.article_id), '')
   WHERE id = old.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_bylines_au` AFTER UPDATE ON `article_bylines` BEGIN
  UPDATE articles SET byline_names = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = articles.id), '')
   WHERE id IN (old.article_id, new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_bylines_au` AFTER UPDATE OF name ON `bylines` WHEN old.name IS NOT new.name BEGIN
  UPDATE articles SET byline_names = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = articles.id), '')
   WHERE id IN (SELECT article_id FROM article_bylines WHERE byline_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_tags_ai` AFTER INSERT ON `article_tags` BEGIN
  UPDATE articles SET tag_names = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = new.article_id), '')
   WHERE id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_tags_ad` AFTER DELETE ON `article_tags` BEGIN
  UPDATE articles SET tag_names = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = old.article_id), '')
   WHERE id = old.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_article_tags_au` AFTER UPDATE ON `article_tags` BEGIN
  UPDATE articles SET tag_names = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles.id), '')
   WHERE id IN (old.article_id, new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_names_tags_au` AFTER UPDATE OF name ON `tags` WHEN old.name IS NOT new.name BEGIN
  UPDATE articles SET tag_names = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles.id), '')
   WHERE id IN (SELECT article_id FROM article_tags WHERE tag_id = new.id);
END;
