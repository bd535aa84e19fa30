-- Permission Manager connections, PostgreSQL. oauth2_authorized_client is Spring Security's table
-- (JdbcOAuth2AuthorizedClientService); the token columns hold AES-GCM ciphertext, never a
-- token. pm_connection_keys holds the users' API keys, encrypted the same way; "pm_" is
-- rewritten to permission-manager.store.table-prefix.
CREATE TABLE IF NOT EXISTS oauth2_authorized_client (
	client_registration_id VARCHAR(100) NOT NULL,
	principal_name VARCHAR(200) NOT NULL,
	access_token_type VARCHAR(100) NOT NULL,
	access_token_value BYTEA NOT NULL,
	access_token_issued_at TIMESTAMP NOT NULL,
	access_token_expires_at TIMESTAMP NOT NULL,
	access_token_scopes VARCHAR(1000) DEFAULT NULL,
	refresh_token_value BYTEA DEFAULT NULL,
	refresh_token_issued_at TIMESTAMP DEFAULT NULL,
	created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
	PRIMARY KEY (client_registration_id, principal_name)
);

CREATE TABLE IF NOT EXISTS pm_connection_keys (
	connection_name VARCHAR(100) NOT NULL,
	user_name VARCHAR(255) NOT NULL,
	key_value BYTEA NOT NULL,
	expires_at TIMESTAMP(6),
	created_at TIMESTAMP(6) NOT NULL,
	CONSTRAINT pm_connection_keys_pk PRIMARY KEY (connection_name, user_name)
);
