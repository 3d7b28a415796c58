-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8: people are listed in the order people expect: "Élodie" among
-- the E's and "Åsa" among the A's, not after "Zoë".
--
-- sort_key is the name folded as search folds it (Unicode-decomposed,
-- marks stripped, case-folded), compared byte by byte, with the name
-- itself and then the UUID as the tie-breaks.  It is stored, and indexed
-- with archived and is_staff, so the lazy list and a 100,000-person sort
-- stay index scans, with no collation or function of Bespoke's own in the
-- schema (the sqlite3 tool still reads and writes the database).
--
-- Folding needs GLib, which SQL cannot call: this adds the column and asks
-- for the names to be indexed again (people_search_rebuild, schema 6); the
-- store does that in one transaction when it opens, and writes sort_key
-- on every save of a person from then on.

ALTER TABLE people ADD COLUMN sort_key TEXT;
DROP INDEX IF EXISTS people_by_name;
CREATE INDEX people_by_sort_key ON people (archived, is_staff, sort_key, name, uuid);
INSERT INTO people_search_rebuild (pending) VALUES (1);
