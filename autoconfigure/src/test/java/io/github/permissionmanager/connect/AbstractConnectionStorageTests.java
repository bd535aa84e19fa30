package io.github.permissionmanager.connect;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The connections' storage on one database: Spring Security's authorized-client table and
 * the API keys, created by the schema script of the platform, hold only ciphertext, give
 * back exactly what was stored, compare user names byte for byte, and refuse a row that
 * was altered. Each run uses user names of its own and removes its rows.
 */
abstract class AbstractConnectionStorageTests {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String prefix = "pmc_" + this.run + "_";

	private final TokenCipher cipher = TokenCipher.of(Base64.getEncoder().encodeToString(new byte[32]));

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("calendar")
		.clientId("app")
		.clientSecret("secret")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/oauth2/connected/{registrationId}")
		.scope("calendar.events")
		.authorizationUri("https://provider.example/authorize")
		.tokenUri("https://provider.example/token")
		.build();

	private EncryptedJdbcAuthorizedClientService clients;

	private JdbcApiKeys keys;

	private JdbcTemplate jdbc;

	protected abstract DataSource database();

	@BeforeEach
	void createTables() {
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(database(),
				DatabaseInitializationMode.ALWAYS, null, new StoreTables(this.prefix),
				"classpath:io/github/permissionmanager/connect/schema-@@platform@@.sql");
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		this.jdbc = new JdbcTemplate(database());
		this.clients = new EncryptedJdbcAuthorizedClientService(this.jdbc,
				new InMemoryClientRegistrationRepository(this.registration), this.cipher, (registration, user) -> {
				});
		this.keys = new JdbcApiKeys(JdbcClient.create(database()), new StoreTables(this.prefix), this.cipher,
				Clock.systemUTC());
	}

	@AfterEach
	void removeRows() {
		this.jdbc.update("DELETE FROM oauth2_authorized_client WHERE principal_name LIKE ?", "%" + this.run + "%");
		this.jdbc.update("DROP TABLE IF EXISTS " + this.prefix + "connection_keys");
	}

	private String user(String name) {
		return name + "-" + this.run;
	}

	@Test
	void anAuthorizedClientRoundTripsAndTheTableHoldsNoToken() {
		String bob = user("bob");
		Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				"access-" + this.run + "-secret", issued, issued.plusSeconds(300), Set.of("calendar.events"));
		OAuth2RefreshToken refresh = new OAuth2RefreshToken("refresh-" + this.run + "-secret", issued);
		this.clients.saveAuthorizedClient(new OAuth2AuthorizedClient(this.registration, bob, access, refresh),
				principal(bob));
		OAuth2AuthorizedClient loaded = this.clients.loadAuthorizedClient("calendar", bob);
		assertThat(loaded.getAccessToken().getTokenValue()).isEqualTo(access.getTokenValue());
		assertThat(loaded.getAccessToken().getExpiresAt()).isEqualTo(access.getExpiresAt());
		assertThat(loaded.getAccessToken().getScopes()).containsExactly("calendar.events");
		assertThat(loaded.getRefreshToken().getTokenValue()).isEqualTo(refresh.getTokenValue());
		String raw = new String(column("access_token_value", bob), StandardCharsets.ISO_8859_1)
				+ new String(column("refresh_token_value", bob), StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain(this.run).doesNotContain("secret");
	}

	@Test
	void userNamesAreComparedByteForByte() {
		String bob = user("bob");
		this.clients.saveAuthorizedClient(client(bob), principal(bob));
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", bob.toUpperCase())).isNull();
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", bob + " ")).isNull();
		this.keys.save("weather", bob, "key-1", null);
		assertThat(this.keys.find("weather", bob.toUpperCase())).isNull();
		assertThat(this.keys.find("weather", bob + " ")).isNull();
		assertThat(this.keys.find("weather", bob).value()).isEqualTo("key-1");
	}

	@Test
	void anAlteredRowIsRefusedNotTakenForAToken() {
		String bob = user("bob");
		this.clients.saveAuthorizedClient(client(bob), principal(bob));
		byte[] value = column("access_token_value", bob);
		value[value.length - 1] ^= 1;
		this.jdbc.update("UPDATE oauth2_authorized_client SET access_token_value = ? WHERE principal_name = ?", value,
				bob);
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.clients.loadAuthorizedClient("calendar", bob))
			.withMessage("A stored token does not decrypt with permission-manager.connections.encryption-key: it was "
					+ "altered, copied from another row or written with another key");
	}

	@Test
	void aTokenOrKeyCopiedIntoAnotherUsersRowIsRefusedNotTakenForTheirs() {
		String bob = user("bob");
		String mallory = user("mallory");
		this.clients.saveAuthorizedClient(client(bob), principal(bob));
		this.clients.saveAuthorizedClient(client(mallory), principal(mallory));
		this.jdbc.update("UPDATE oauth2_authorized_client SET access_token_value = ? WHERE principal_name = ?",
				column("access_token_value", bob), mallory);
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.clients.loadAuthorizedClient("calendar", mallory))
			.withMessageContaining("copied from another row");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", bob)
			.getAccessToken()
			.getTokenValue()).isEqualTo("access-of-" + bob);
		this.keys.save("weather", bob, "key-of-bob", null);
		this.keys.save("weather", mallory, "key-of-mallory", null);
		this.keys.save("maps", bob, "maps-key-of-bob", null);
		String table = this.prefix + "connection_keys";
		byte[] bobs = this.jdbc.queryForObject(
				"SELECT key_value FROM " + table + " WHERE connection_name = 'weather' " + "AND user_name = ?",
				byte[].class, bob);
		this.jdbc.update("UPDATE " + table + " SET key_value = ? WHERE connection_name = 'weather' AND user_name = ?",
				bobs, mallory);
		this.jdbc.update("UPDATE " + table + " SET key_value = ? WHERE connection_name = 'maps' AND user_name = ?",
				bobs, bob);
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.keys.find("weather", mallory))
			.withMessageContaining("copied from another row");
		assertThatExceptionOfType(DataRetrievalFailureException.class).isThrownBy(() -> this.keys.find("maps", bob));
		assertThat(this.keys.find("weather", bob).value()).isEqualTo("key-of-bob");
	}

	@Test
	void apiKeysAreStoredEncryptedReplacedAndRemoved() {
		String bob = user("bob");
		Instant expires = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
		assertThat(this.keys.save("weather", bob, "wk-" + this.run + "-secret", expires)).isTrue();
		byte[] raw = this.jdbc.queryForObject(
				"SELECT key_value FROM " + this.prefix + "connection_keys WHERE user_name = ?", byte[].class, bob);
		assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
		assertThat(this.keys.find("weather", bob).value()).isEqualTo("wk-" + this.run + "-secret");
		assertThat(this.keys.find("weather", bob).expiresAt()).isEqualTo(expires);
		assertThat(this.keys.save("weather", bob, "second", null)).isFalse();
		assertThat(this.keys.find("weather", bob).value()).isEqualTo("second");
		assertThat(this.keys.find("weather", bob).expiresAt()).isNull();
		this.keys.remove("weather", bob);
		assertThat(this.keys.find("weather", bob)).isNull();
	}

	@Test
	void removingAClientRemovesOnlyThatUsersClient() {
		String bob = user("bob");
		String alice = user("alice");
		this.clients.saveAuthorizedClient(client(bob), principal(bob));
		this.clients.saveAuthorizedClient(client(alice), principal(alice));
		this.clients.removeAuthorizedClient("calendar", bob);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", bob)).isNull();
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", alice)).isNotNull();
	}

	private byte[] column(String column, String user) {
		return this.jdbc.queryForObject(
				"SELECT " + column + " FROM oauth2_authorized_client WHERE client_registration_id = 'calendar' "
						+ "AND principal_name = ?",
				byte[].class, user);
	}

	private OAuth2AuthorizedClient client(String user) {
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(this.registration, user, new OAuth2AccessToken(
				OAuth2AccessToken.TokenType.BEARER, "access-of-" + user, now, now.plusSeconds(60)), null);
	}

	private static UsernamePasswordAuthenticationToken principal(String user) {
		return new UsernamePasswordAuthenticationToken(user, null, AuthorityUtils.NO_AUTHORITIES);
	}

}
