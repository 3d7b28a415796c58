-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 2: what the costing engine needs.

-- Premiums by client group or postcode area; the person's nation picks
-- the bank holidays.
ALTER TABLE people ADD COLUMN client_group TEXT;
ALTER TABLE people ADD COLUMN postcode TEXT;
ALTER TABLE people ADD COLUMN nation TEXT NOT NULL DEFAULT 'england-and-wales'
  CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland'));

-- Time-band rates (-1: not set, fall through to the next band), sleep-in
-- disturbance, and premiums.
ALTER TABLE products ADD COLUMN rate_weekday_day INTEGER NOT NULL DEFAULT -1 CHECK (rate_weekday_day >= -1);
ALTER TABLE products ADD COLUMN rate_weekday_evening INTEGER NOT NULL DEFAULT -1 CHECK (rate_weekday_evening >= -1);
ALTER TABLE products ADD COLUMN rate_night INTEGER NOT NULL DEFAULT -1 CHECK (rate_night >= -1);
ALTER TABLE products ADD COLUMN rate_saturday INTEGER NOT NULL DEFAULT -1 CHECK (rate_saturday >= -1);
ALTER TABLE products ADD COLUMN rate_sunday INTEGER NOT NULL DEFAULT -1 CHECK (rate_sunday >= -1);
ALTER TABLE products ADD COLUMN rate_bank_holiday INTEGER NOT NULL DEFAULT -1 CHECK (rate_bank_holiday >= -1);
ALTER TABLE products ADD COLUMN disturbance_rate INTEGER NOT NULL DEFAULT -1 CHECK (disturbance_rate >= -1);
ALTER TABLE products ADD COLUMN premium_client_group TEXT;
ALTER TABLE products ADD COLUMN premium_postcode_areas TEXT;
ALTER TABLE products ADD COLUMN premium_percent_bp INTEGER NOT NULL DEFAULT 0 CHECK (premium_percent_bp >= 0);
ALTER TABLE products ADD COLUMN premium_per_unit INTEGER NOT NULL DEFAULT 0 CHECK (premium_per_unit >= 0);

-- How the year is counted, and a discount on the whole plan.
ALTER TABLE plans ADD COLUMN annualisation TEXT NOT NULL DEFAULT 'calendar'
  CHECK (annualisation IN ('calendar', '52-weeks', '365-7-weeks'));
ALTER TABLE plans ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000);

-- Sharing 1:N, specials, and sleep-in disturbance.  A line's cost now comes
-- from the costing engine, so the stored figure of schema 1 goes.
ALTER TABLE support_lines DROP COLUMN agreed_cost;
ALTER TABLE support_lines ADD COLUMN share_ratio INTEGER NOT NULL DEFAULT 1 CHECK (share_ratio >= 1);
ALTER TABLE support_lines ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000);
ALTER TABLE support_lines ADD COLUMN free_units INTEGER NOT NULL DEFAULT 0 CHECK (free_units >= 0);
ALTER TABLE support_lines ADD COLUMN disturbance_minutes INTEGER NOT NULL DEFAULT 0 CHECK (disturbance_minutes >= 0);

-- ISF splits: equally, or by each resident's weight.
ALTER TABLE homes ADD COLUMN split TEXT NOT NULL DEFAULT 'equal' CHECK (split IN ('equal', 'weights'));
ALTER TABLE home_residents ADD COLUMN weight INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 0);

-- Refunds and other dated adjustments to a plan's cost.
CREATE TABLE adjustments (
  uuid         TEXT PRIMARY KEY NOT NULL,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  plan_uuid    TEXT NOT NULL REFERENCES plans (uuid) ON DELETE CASCADE,
  line_uuid    TEXT REFERENCES support_lines (uuid) ON DELETE CASCADE,
  date         TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount < 0),
  description  TEXT
) WITHOUT ROWID;
CREATE INDEX adjustments_by_plan ON adjustments (plan_uuid, date);
