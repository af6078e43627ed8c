-- Full-text index of contributions (title and text), kept in step by triggers.
-- unicode61 with remove_diacritics 2: "mobilita" matches "mobilità". Word forms are handled
-- at query time (prefix queries on a light Italian stem), see app/domain/contributions/search.
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(
  title, body,
  content='contributions', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_insert` AFTER INSERT ON `contributions` BEGIN
  INSERT INTO contributions_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_delete` AFTER DELETE ON `contributions` BEGIN
  INSERT INTO contributions_fts(contributions_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_update` AFTER UPDATE OF title, body ON `contributions` BEGIN
  INSERT INTO contributions_fts(contributions_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO contributions_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
INSERT INTO contributions_fts(contributions_fts) VALUES ('rebuild');
