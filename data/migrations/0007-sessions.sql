-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7: facilitated sessions (issue #10).
--
-- A profile statement may say who said it: the person's or a circle
-- member's uuid.  The table is rebuilt with the new column (rather than
-- ALTER TABLE … ADD COLUMN) so that this migration can run again on a
-- database whose user_version was set back, as test-store does.
--
-- The person-centred thinking tools beyond the profile are statements of
-- their own: what is working and not working, from the person's, the
-- family's and the staff's view, and a good day and a bad day.
--
-- A session keeps its day, start and end, who took part (circle members'
-- uuids, and free names, one a line), the facilitator, the uuids of the
-- statements added or changed in it, and the capture entry's half-typed
-- text, so a crash loses at most the last second of typing.

CREATE TABLE statements_new (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  person_uuid  TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  section      TEXT NOT NULL CHECK (section IN ('appreciation', 'important-to-me', 'how-to-support-me')),
  position     INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL,
  said_by      TEXT
) WITHOUT ROWID;
INSERT INTO statements_new (uuid, modified_at, person_uuid, section, position, text)
  SELECT uuid, modified_at, person_uuid, section, position, text FROM statements;
DROP TABLE statements;
ALTER TABLE statements_new RENAME TO statements;
CREATE INDEX statements_by_person ON statements (person_uuid, position);

CREATE TABLE IF NOT EXISTS tool_statements (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  person_uuid  TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  section      TEXT NOT NULL CHECK (section IN ('working-person', 'not-working-person',
                                                'working-family', 'not-working-family',
                                                'working-staff', 'not-working-staff',
                                                'good-day', 'bad-day')),
  position     INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL,
  said_by      TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tool_statements_by_person ON tool_statements (person_uuid, position);

CREATE TABLE IF NOT EXISTS sessions (
  uuid           TEXT PRIMARY KEY NOT NULL,
  modified_at    INTEGER NOT NULL DEFAULT 0,
  person_uuid    TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  date           TEXT NOT NULL,
  start_time     TEXT,
  end_time       TEXT,
  facilitator    TEXT,
  participants   TEXT,
  guests         TEXT,
  statements     TEXT,
  draft          TEXT,
  draft_tool     TEXT NOT NULL DEFAULT 'profile' CHECK (draft_tool IN ('profile', 'working-person',
                                                  'working-family', 'working-staff', 'good-day',
                                                  'outcomes', 'circle')),
  draft_section  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions (person_uuid, date);
