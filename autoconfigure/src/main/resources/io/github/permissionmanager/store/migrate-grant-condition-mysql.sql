-- Permission Manager grant store, MySQL 8: adds the column of grant conditions to
-- tables created before grants could carry one. Existing rows get NULL (they always apply)
-- and keep their grant_key. Written for the default table prefix "pm_": use the names of
-- permission-manager.store.table-prefix when yours differs.
-- MySQL has no ADD COLUMN IF NOT EXISTS: run it once.
ALTER TABLE pm_grants ADD COLUMN grant_condition VARCHAR(1000) NULL;
ALTER TABLE pm_audit ADD COLUMN grant_condition VARCHAR(1000) NULL;
