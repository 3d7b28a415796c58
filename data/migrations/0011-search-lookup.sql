-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 11: a covering index for search as you type (issue #13).
--
-- A search finds its people in people_search and then looks each one up
-- by uuid, to leave out the archived and to sort them.  The people table
-- keeps whole rows in its primary key, so every lookup read a full row;
-- this index holds only what a search needs (whether archived, staff or
-- not, and the sort), so a count or a first page of a search reads a few
-- small index pages instead ("aisha ah" at 100,000 people: see
-- tests/bench/bench-search.c).  Building it takes about a second at
-- 100,000 people.
-- IF NOT EXISTS: the migration runs again on a database whose
-- user_version was set back (the migration tests do).

CREATE INDEX IF NOT EXISTS people_by_uuid_sort ON people (uuid, archived, is_staff, sort_key, name);
