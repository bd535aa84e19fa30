-- Permission Manager connections, MariaDB. oauth2_authorized_client is Spring Security's
-- table (JdbcOAuth2AuthorizedClientService); the token columns hold AES-GCM ciphertext,
-- never a token. pm_connection_keys holds the users' API keys, encrypted the same way;
-- "pm_" is rewritten to permission-manager.store.table-prefix. Names are compared byte for
-- byte (utf8mb4_nopad_bin): the default collations would hand 'bob' the tokens of 'Bob ',
-- and DATETIME keeps MariaDB from updating a TIMESTAMP column on its own.
CREATE TABLE IF NOT EXISTS oauth2_authorized_client (
	client_registration_id VARCHAR(100) NOT NULL,
	principal_name VARCHAR(200) NOT NULL,
	access_token_type VARCHAR(100) NOT NULL,
	access_token_value BLOB NOT NULL,
	access_token_issued_at DATETIME(6) NOT NULL,
	access_token_expires_at DATETIME(6) NOT NULL,
	access_token_scopes VARCHAR(1000) DEFAULT NULL,
	refresh_token_value BLOB DEFAULT NULL,
	refresh_token_issued_at DATETIME(6) DEFAULT NULL,
	created_at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
	PRIMARY KEY (client_registration_id, principal_name)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS pm_connection_keys (
	connection_name VARCHAR(100) NOT NULL,
	user_name VARCHAR(255) NOT NULL,
	key_value BLOB NOT NULL,
	expires_at DATETIME(6) NULL,
	created_at DATETIME(6) NOT NULL,
	CONSTRAINT pm_connection_keys_pk PRIMARY KEY (connection_name, user_name)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
