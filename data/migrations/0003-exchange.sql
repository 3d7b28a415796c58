-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3: what the XML exchange needs to merge files safely.
--
-- key is a record's UUID (as last imported), the UUID of a person,
-- provider or home (as last exported with all its records), or '*' (the
-- whole database exported).  synced_at is microseconds since 1970: a
-- record whose modified_at is at or before its mark is unchanged here since
-- it was last exported or imported.

CREATE TABLE exchange_sync (
  key        TEXT PRIMARY KEY NOT NULL,
  synced_at  INTEGER NOT NULL
) WITHOUT ROWID;
