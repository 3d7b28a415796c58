-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: In Control's seven criteria for a support plan (issue #9).
--
-- Who manages the money (the person, a family member, a provider holding
-- an Individual Service Fund, or the council; NULL while not chosen) and
-- who decides day to day, in words.  And, for each criterion, the written
-- reason to agree the plan though it fails (NULL: none).

ALTER TABLE plans ADD COLUMN money_manager TEXT
  CHECK (money_manager IS NULL OR money_manager IN ('person', 'family', 'provider-isf', 'council'));
ALTER TABLE plans ADD COLUMN decides_day_to_day TEXT;
ALTER TABLE plans ADD COLUMN override_important TEXT;
ALTER TABLE plans ADD COLUMN override_change TEXT;
ALTER TABLE plans ADD COLUMN override_supported TEXT;
ALTER TABLE plans ADD COLUMN override_money TEXT;
ALTER TABLE plans ADD COLUMN override_control TEXT;
ALTER TABLE plans ADD COLUMN override_safe TEXT;
ALTER TABLE plans ADD COLUMN override_action TEXT;
