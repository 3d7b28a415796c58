-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 9: deletions travel in exchange files (issue #13).
--
-- Deleting a record leaves a tombstone: its uuid, its kind (the table it
-- was in), scope (the person, provider or home it belonged to; its own
-- uuid for one of those, so that an export of some people carries their
-- deletions) and when it was deleted (microseconds since 1970).  A record
-- and its tombstone never exist together: saving a record again (an
-- undo, a file that brings it back) drops its tombstone.  Deleting a
-- person, plan, provider or home deletes what hangs under it too and
-- leaves the one tombstone.
--
-- Tombstones are removed only by `bespoke-cli tombstones prune`.  So that
-- it can tell which deletions every replica has seen: each copy of the
-- database is a replica with an id (replica_self; the path is where it
-- was first used: a file found at another path is a copy, which takes a
-- new id and remembers the old one); tombstone_seen holds which replicas
-- have each tombstone (a file lists them with each deletion; an import
-- adds its own), and replicas every replica id heard of that way.  A
-- tombstone every known replica has seen can go.

CREATE TABLE IF NOT EXISTS tombstones (
  uuid        TEXT PRIMARY KEY NOT NULL,
  kind        TEXT NOT NULL,
  scope       TEXT NOT NULL,
  deleted_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tombstones_by_scope ON tombstones (scope, uuid);

CREATE TABLE IF NOT EXISTS tombstone_seen (
  uuid     TEXT NOT NULL REFERENCES tombstones (uuid) ON DELETE CASCADE,
  replica  TEXT NOT NULL,
  PRIMARY KEY (uuid, replica)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS replicas (
  id  TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS replica_self (
  id    TEXT NOT NULL,
  path  TEXT NOT NULL
);
-- a version-4 UUID; the path is filled in on first use
INSERT INTO replica_self (id, path)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
               substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), ''
  WHERE NOT EXISTS (SELECT 1 FROM replica_self);
INSERT OR IGNORE INTO replicas (id) SELECT id FROM replica_self;
