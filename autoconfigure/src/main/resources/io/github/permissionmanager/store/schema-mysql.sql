-- Permission Manager grant store, MySQL 8. Written for the default table prefix "pm_"; the
-- initializer rewrites "pm_" to permission-manager.store.table-prefix. Times are UTC.
-- Names are compared byte for byte: utf8mb4_0900_bin, so 'Admin' <> 'admin' and
-- 'bob ' <> 'bob' (the default collations ignore case and trailing spaces).
-- grant_key is a SHA-256 of grantee, permission, type, id, tenant and condition: it makes
-- a grant unique although the scope columns are nullable. grant_condition holds the
-- condition of a grant (restricted SpEL), NULL when it always applies; tables created before
-- it existed get it from migrate-grant-condition-<platform>.sql.
CREATE TABLE IF NOT EXISTS pm_grants (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	grant_key CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	grantee_kind VARCHAR(5) NOT NULL,
	grantee_name VARCHAR(255) NOT NULL,
	permission VARCHAR(255) NOT NULL,
	resource_type VARCHAR(255) NULL,
	resource_id VARCHAR(255) NULL,
	tenant VARCHAR(255) NULL,
	expires_at DATETIME(6) NULL,
	grant_condition VARCHAR(1000) NULL,
	created_at DATETIME(6) NOT NULL,
	created_by VARCHAR(255) NOT NULL,
	CONSTRAINT pm_grants_key_uk UNIQUE (grant_key),
	INDEX pm_grants_grantee_idx (grantee_name, grantee_kind),
	INDEX pm_grants_resource_idx (resource_type, resource_id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;

CREATE TABLE IF NOT EXISTS pm_memberships (
	user_name VARCHAR(255) NOT NULL,
	group_name VARCHAR(255) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	created_by VARCHAR(255) NOT NULL,
	CONSTRAINT pm_memberships_pk PRIMARY KEY (user_name, group_name),
	INDEX pm_memberships_group_idx (group_name)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;

CREATE TABLE IF NOT EXISTS pm_audit (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	occurred_at DATETIME(6) NOT NULL,
	actor VARCHAR(255) NOT NULL,
	action VARCHAR(32) NOT NULL,
	grantee_kind VARCHAR(5) NULL,
	grantee_name VARCHAR(255) NULL,
	permission VARCHAR(255) NULL,
	resource_type VARCHAR(255) NULL,
	resource_id VARCHAR(255) NULL,
	tenant VARCHAR(255) NULL,
	expires_at DATETIME(6) NULL,
	grant_condition VARCHAR(1000) NULL,
	group_name VARCHAR(255) NULL,
	user_name VARCHAR(255) NULL,
	INDEX pm_audit_occurred_idx (occurred_at)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;

-- The change log: one row per user or group whose grants or memberships changed, written in
-- the transaction of the change. Instances follow it by id to drop their cached decisions.
CREATE TABLE IF NOT EXISTS pm_changes (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	grantee_kind VARCHAR(5) NOT NULL,
	grantee_name VARCHAR(255) NOT NULL,
	changed_at DATETIME(6) NOT NULL,
	INDEX pm_changes_changed_idx (changed_at)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;

-- How far each instance has followed the log, so pruning never removes a row one has not read.
CREATE TABLE IF NOT EXISTS pm_followers (
	instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
	followed_to BIGINT NOT NULL,
	seen_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
