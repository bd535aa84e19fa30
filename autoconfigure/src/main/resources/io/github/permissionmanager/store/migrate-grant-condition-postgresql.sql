-- Permission Manager grant store, PostgreSQL: adds the column of grant conditions to
-- tables created before grants could carry one. Existing rows get NULL (they always apply)
-- and keep their grant_key. Written for the default table prefix "pm_": use the names of
-- permission-manager.store.table-prefix when yours differs.
ALTER TABLE pm_grants ADD COLUMN IF NOT EXISTS grant_condition VARCHAR(1000);
ALTER TABLE pm_audit ADD COLUMN IF NOT EXISTS grant_condition VARCHAR(1000);
