-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1.  Each table's columns are the properties of its BespokeRecord
-- class (with '-' written '_').  Dates are ISO 8601 text, money is integer
-- pence, enumerations are their nicks, modified_at is microseconds since 1970.

CREATE TABLE people (
  uuid            TEXT PRIMARY KEY NOT NULL,
  modified_at     INTEGER NOT NULL DEFAULT 0,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  preferred_name  TEXT,
  date_of_birth   TEXT,
  notes           TEXT,
  is_staff        INTEGER NOT NULL DEFAULT 0 CHECK (is_staff IN (0, 1)),
  archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX people_by_name ON people (archived, is_staff, name COLLATE NOCASE, uuid);

-- Name search as you type: every word of a person's names, case-folded,
-- so that a prefix is a range scan of the primary key.
CREATE TABLE people_search (
  uuid   TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  word   TEXT NOT NULL,
  PRIMARY KEY (word, uuid)
) WITHOUT ROWID;
CREATE INDEX people_search_by_uuid ON people_search (uuid);

CREATE TABLE photos (
  person_uuid  TEXT PRIMARY KEY NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  mime_type    TEXT NOT NULL,
  data         BLOB NOT NULL
);

CREATE TABLE circle_members (
  uuid          TEXT PRIMARY KEY NOT NULL,
  modified_at   INTEGER NOT NULL DEFAULT 0,
  person_uuid   TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  relationship  TEXT,
  ring          TEXT NOT NULL CHECK (ring IN ('intimate', 'friends', 'community', 'paid')),
  contact       TEXT,
  position      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX circle_members_by_person ON circle_members (person_uuid, position);

CREATE TABLE statements (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  person_uuid  TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  section      TEXT NOT NULL CHECK (section IN ('appreciation', 'important-to-me', 'how-to-support-me')),
  position     INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX statements_by_person ON statements (person_uuid, position);

CREATE TABLE providers (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  name         TEXT NOT NULL,
  contact      TEXT,
  notes        TEXT
) WITHOUT ROWID;

CREATE TABLE products (
  uuid                TEXT PRIMARY KEY NOT NULL,
  modified_at         INTEGER NOT NULL DEFAULT 0,
  provider_uuid       TEXT NOT NULL REFERENCES providers (uuid) ON DELETE RESTRICT,
  series_uuid         TEXT,
  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  valid_from          TEXT,
  kind                TEXT NOT NULL CHECK (kind IN ('one-off', 'defined-term', 'ongoing')),
  name                TEXT NOT NULL,
  description         TEXT,
  unit                TEXT NOT NULL CHECK (unit IN ('each', 'hour', 'night', 'day', 'week', 'month', 'year')),
  unit_price          INTEGER NOT NULL CHECK (unit_price >= 0),
  default_term_weeks  INTEGER NOT NULL DEFAULT 0,
  default_outcome     TEXT,
  outcome_based       INTEGER NOT NULL DEFAULT 0 CHECK (outcome_based IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX products_by_provider ON products (provider_uuid, name);
CREATE INDEX products_by_series ON products (series_uuid, version);

CREATE TABLE plans (
  uuid               TEXT PRIMARY KEY NOT NULL,
  modified_at        INTEGER NOT NULL DEFAULT 0,
  person_uuid        TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  period_start       TEXT NOT NULL,
  period_end         TEXT NOT NULL CHECK (period_end >= period_start),
  review_date        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('draft', 'agreed', 'ended')),
  staff_preferences  TEXT
) WITHOUT ROWID;
CREATE INDEX plans_by_person ON plans (person_uuid, period_start);

CREATE TABLE outcomes (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  plan_uuid    TEXT NOT NULL REFERENCES plans (uuid) ON DELETE CASCADE,
  position     INTEGER NOT NULL DEFAULT 0,
  statement    TEXT NOT NULL,
  measure      TEXT,
  target_date  TEXT
) WITHOUT ROWID;
CREATE INDEX outcomes_by_plan ON outcomes (plan_uuid, position);

CREATE TABLE support_lines (
  uuid           TEXT PRIMARY KEY NOT NULL,
  modified_at    INTEGER NOT NULL DEFAULT 0,
  plan_uuid      TEXT NOT NULL REFERENCES plans (uuid) ON DELETE CASCADE,
  position       INTEGER NOT NULL DEFAULT 0,
  description    TEXT,
  support_type   TEXT NOT NULL CHECK (support_type IN ('paid', 'self', 'family', 'friend', 'community', 'technology')),
  product_uuid   TEXT REFERENCES products (uuid) ON DELETE RESTRICT,
  provider_uuid  TEXT REFERENCES providers (uuid) ON DELETE RESTRICT,
  worker         TEXT,
  quantity       INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  schedule       TEXT,
  funding        TEXT NOT NULL,
  agreed_cost    INTEGER NOT NULL DEFAULT 0 CHECK (agreed_cost >= 0)
) WITHOUT ROWID;
CREATE INDEX support_lines_by_plan ON support_lines (plan_uuid, position);

CREATE TABLE risks (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  plan_uuid    TEXT NOT NULL REFERENCES plans (uuid) ON DELETE CASCADE,
  position     INTEGER NOT NULL DEFAULT 0,
  description  TEXT NOT NULL,
  likelihood   TEXT NOT NULL CHECK (likelihood IN ('low', 'medium', 'high')),
  impact       TEXT NOT NULL CHECK (impact IN ('low', 'medium', 'high')),
  contingency  TEXT
) WITHOUT ROWID;
CREATE INDEX risks_by_plan ON risks (plan_uuid, position);

CREATE TABLE budgets (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  plan_uuid    TEXT NOT NULL REFERENCES plans (uuid) ON DELETE CASCADE,
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  source       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX budgets_by_plan ON budgets (plan_uuid);

CREATE TABLE homes (
  uuid          TEXT PRIMARY KEY NOT NULL,
  modified_at   INTEGER NOT NULL DEFAULT 0,
  name          TEXT NOT NULL,
  budget        INTEGER NOT NULL CHECK (budget >= 0),
  core_support  INTEGER NOT NULL CHECK (core_support >= 0),
  shared_costs  INTEGER NOT NULL CHECK (shared_costs >= 0)
) WITHOUT ROWID;

CREATE TABLE home_residents (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  home_uuid    TEXT NOT NULL REFERENCES homes (uuid) ON DELETE CASCADE,
  person_uuid  TEXT NOT NULL REFERENCES people (uuid) ON DELETE CASCADE,
  allocation   INTEGER NOT NULL CHECK (allocation >= 0),
  UNIQUE (home_uuid, person_uuid)
) WITHOUT ROWID;
CREATE INDEX home_residents_by_home ON home_residents (home_uuid);
