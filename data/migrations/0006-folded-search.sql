-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: name search finds "Élodie" from "elodie", "O’Brien" from
-- "obrien" and "Anne-Marie" from "annemarie".  The words in people_search
-- are now folded (Unicode-decomposed, marks stripped, case-folded) and a
-- name with hyphens or apostrophes is indexed joined as well.  Folding
-- needs GLib, so this only empties the index and asks for it to be built
-- again: the store does that in one transaction when it opens
-- (_bespoke_store_rebuild_search), and deletes the row when it is done.

DELETE FROM people_search;

CREATE TABLE people_search_rebuild (
  pending  INTEGER NOT NULL
);
INSERT INTO people_search_rebuild (pending) VALUES (1);
