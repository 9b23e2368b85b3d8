-- A lease per source: the instance syncing it now, until when unless renewed. A dead instance's
-- lease runs out and another takes the source over. (V3 is already on main: new columns go here;
-- V7 because main has taken V5 and V6.) Runs unchanged on H2 2.4 and PostgreSQL 15.
ALTER TABLE source ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE source ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
