-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: how many people there are, kept up to date, so that the list
-- of people opens without counting every row of a large database.
--
-- One row for the people supported (is_staff 0) and one for staff
-- (is_staff 1): n is the number of them not archived.  The triggers keep
-- it equal to SELECT count(*) FROM people WHERE archived = 0 AND is_staff
-- = the row's is_staff, through inserts, updates (a save is an upsert, so
-- an update of archived or is_staff) and deletes.

CREATE TABLE people_counts (
  is_staff  INTEGER PRIMARY KEY NOT NULL CHECK (is_staff IN (0, 1)),
  n         INTEGER NOT NULL DEFAULT 0 CHECK (n >= 0)
);

INSERT INTO people_counts (is_staff, n)
  SELECT 0, count(*) FROM people WHERE archived = 0 AND is_staff = 0;
INSERT INTO people_counts (is_staff, n)
  SELECT 1, count(*) FROM people WHERE archived = 0 AND is_staff = 1;

CREATE TRIGGER people_counts_insert AFTER INSERT ON people
  WHEN NEW.archived = 0
BEGIN
  UPDATE people_counts SET n = n + 1 WHERE is_staff = NEW.is_staff;
END;

CREATE TRIGGER people_counts_delete AFTER DELETE ON people
  WHEN OLD.archived = 0
BEGIN
  UPDATE people_counts SET n = n - 1 WHERE is_staff = OLD.is_staff;
END;

CREATE TRIGGER people_counts_update AFTER UPDATE OF archived, is_staff ON people
  WHEN OLD.archived IS NOT NEW.archived OR OLD.is_staff IS NOT NEW.is_staff
BEGIN
  UPDATE people_counts SET n = n - 1 WHERE OLD.archived = 0 AND is_staff = OLD.is_staff;
  UPDATE people_counts SET n = n + 1 WHERE NEW.archived = 0 AND is_staff = NEW.is_staff;
END;
