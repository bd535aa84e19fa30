package io.github.permissionmanager.connect;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Spring Security's JDBC authorized-client service (its {@code oauth2_authorized_client}
 * table) with the access and refresh tokens encrypted at rest: they are written through
 * the {@link TokenCipher} and read back through it, so the table never holds a token a
 * database reader could use, and each is bound to its row (registration and user). A row
 * that does not decrypt (altered, copied from another row, or written with another key)
 * fails the read; it is never taken for a token.
 * <p>
 * A listener hears when a user connects (a client saved where there was none), so the
 * audit trail can record it.
 */
public class EncryptedJdbcAuthorizedClientService extends JdbcOAuth2AuthorizedClientService {

	private final ConnectListener listener;

	/**
	 * Create a service.
	 * @param jdbc the operations on the application's database
	 * @param registrations the client registrations
	 * @param cipher encrypts and decrypts the tokens
	 * @param listener hears about new connections
	 */
	public EncryptedJdbcAuthorizedClientService(JdbcOperations jdbc, ClientRegistrationRepository registrations,
			TokenCipher cipher, ConnectListener listener) {
		super(jdbc, registrations);
		Assert.notNull(cipher, "cipher cannot be null");
		Assert.notNull(listener, "listener cannot be null");
		this.listener = listener;
		OAuth2AuthorizedClientParametersMapper plain = new OAuth2AuthorizedClientParametersMapper();
		setAuthorizedClientParametersMapper((holder) -> encrypted(plain.apply(holder), cipher,
				holder.getAuthorizedClient().getClientRegistration().getRegistrationId(),
				holder.getPrincipal().getName()));
		setAuthorizedClientRowMapper(new DecryptingRowMapper(registrations, cipher));
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		boolean connected = exists(authorizedClient.getClientRegistration().getRegistrationId(), principal.getName());
		super.saveAuthorizedClient(authorizedClient, principal);
		if (!connected) {
			this.listener.connected(authorizedClient.getClientRegistration().getRegistrationId(), principal.getName());
		}
	}

	private boolean exists(String registrationId, String principalName) {
		Integer rows = this.jdbcOperations.queryForObject(
				"SELECT COUNT(*) FROM oauth2_authorized_client WHERE client_registration_id = ? AND principal_name = ?",
				Integer.class, registrationId, principalName);
		return rows != null && rows > 0;
	}

	// What a token is bound to: its table, registration and user
	private static String[] row(String registrationId, String principalName) {
		return new String[] { "oauth2_authorized_client", registrationId, principalName };
	}

	// The token columns are the BLOB parameters of Spring Security's mapping
	private static List<SqlParameterValue> encrypted(List<SqlParameterValue> parameters, TokenCipher cipher,
			String registrationId, String principalName) {
		List<SqlParameterValue> result = new ArrayList<>(parameters.size());
		for (SqlParameterValue parameter : parameters) {
			if (parameter.getSqlType() == Types.BLOB && parameter.getValue() instanceof byte[] plain) {
				result
					.add(new SqlParameterValue(Types.BLOB, cipher.encrypt(plain, row(registrationId, principalName))));
			}
			else {
				result.add(parameter);
			}
		}
		return result;
	}

	/**
	 * Hears when a user connects.
	 */
	@FunctionalInterface
	public interface ConnectListener {

		/**
		 * A user connected a registration that had no stored client for them.
		 * @param registrationId the registration
		 * @param user the user's name
		 */
		void connected(String registrationId, String user);

	}

	/**
	 * Reads a row as Spring Security's own mapper does, decrypting the tokens.
	 */
	private static final class DecryptingRowMapper implements RowMapper<OAuth2AuthorizedClient> {

		private final ClientRegistrationRepository registrations;

		private final TokenCipher cipher;

		DecryptingRowMapper(ClientRegistrationRepository registrations, TokenCipher cipher) {
			this.registrations = registrations;
			this.cipher = cipher;
		}

		@Override
		public OAuth2AuthorizedClient mapRow(ResultSet rs, int rowNum) throws SQLException {
			String registrationId = rs.getString("client_registration_id");
			ClientRegistration registration = this.registrations.findByRegistrationId(registrationId);
			if (registration == null) {
				throw new DataRetrievalFailureException(
						"A stored client of registration '" + registrationId + "' has no registration any more");
			}
			String principalName = rs.getString("principal_name");
			String[] row = row(registrationId, principalName);
			String scopes = rs.getString("access_token_scopes");
			Set<String> scopeSet = (scopes != null) ? StringUtils.commaDelimitedListToSet(scopes) : Set.of();
			OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					decrypt(rs.getBytes("access_token_value"), row), instant(rs.getTimestamp("access_token_issued_at")),
					instant(rs.getTimestamp("access_token_expires_at")), scopeSet);
			byte[] refreshValue = rs.getBytes("refresh_token_value");
			OAuth2RefreshToken refreshToken = (refreshValue != null) ? new OAuth2RefreshToken(
					decrypt(refreshValue, row), instant(rs.getTimestamp("refresh_token_issued_at"))) : null;
			return new OAuth2AuthorizedClient(registration, principalName, accessToken, refreshToken);
		}

		private String decrypt(byte[] encrypted, String[] row) {
			try {
				return new String(this.cipher.decrypt(encrypted, row), StandardCharsets.UTF_8);
			}
			catch (RuntimeException ex) {
				// never the ciphertext or the key in the message
				throw new DataRetrievalFailureException(
						"A stored token does not decrypt with " + TokenCipher.KEY_PROPERTY
								+ ": it was altered, copied from another row or written with " + "another key");
			}
		}

		private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant() : null;
		}

	}

}
