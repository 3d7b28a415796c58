-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 10: the audit trail (issue #12).  One row per thing done that a
-- data controller may need to account for: an export (the people in it,
-- the file's name, sealed or not), an import (its counts and conflicts),
-- a deletion, a backup or a restore, and opening a person's record.
--
--   at           microseconds since 1970 (UTC)
--   system_user  the account that did it (g_get_user_name())
--   planner      the planner's name from the window's settings, or ''
--   action       export, import, delete, backup, restore or open
--   subject      what it was about: UUIDs, space-separated, or ''
--   detail       a sentence: the file, the counts, the kind of record
--
-- The table is append-only: the triggers refuse every UPDATE and DELETE,
-- so a mistake in Bespoke cannot rewrite history.  (Anyone who can write
-- the database file can still drop the table or the triggers: the trail
-- is a record kept by Bespoke, not proof against the computer's owner.)
-- IF NOT EXISTS: the migration runs again on a database whose
-- user_version was set back (the migration tests do).

CREATE TABLE IF NOT EXISTS audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  system_user  TEXT NOT NULL,
  planner      TEXT NOT NULL DEFAULT '',
  action       TEXT NOT NULL CHECK (action IN ('export', 'import', 'delete', 'backup', 'restore', 'open')),
  subject      TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT ''
);

CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at);

CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed: it only grows.');
END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'Nothing can be removed from the audit trail: it only grows.');
END;
