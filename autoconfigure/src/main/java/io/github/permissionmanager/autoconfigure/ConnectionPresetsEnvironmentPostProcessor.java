package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.permissionmanager.connect.ConnectionPreset;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns each {@code permission-manager.connections.catalog.<name>.preset} into the Spring
 * Security client registration it stands for: the provider's endpoints, the grant type,
 * the redirect URI ({@code {baseUrl}/oauth2/connected/{registrationId}}), the scopes and
 * the client authentication method, as defaults of
 * {@code spring.security.oauth2.client.registration.<registration>} and
 * {@code spring.security.oauth2.client.provider.<registration>}. They come last, so
 * anything the application sets wins; the application writes the client id and secret. An
 * unknown preset adds nothing here and is reported by the startup validation.
 */
public class ConnectionPresetsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source of the defaults. */
	public static final String PROPERTY_SOURCE = "permissionManagerConnectionPresets";

	/** Where a preset's callback is, under the application. */
	public static final String REDIRECT_URI = "{baseUrl}/oauth2/connected/{registrationId}";

	private static final String CLIENT = "spring.security.oauth2.client.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, PresetReference> catalog = Binder.get(environment)
			.bind("permission-manager.connections.catalog", Bindable.mapOf(String.class, PresetReference.class))
			.orElse(Map.of());
		Map<String, Object> defaults = new LinkedHashMap<>();
		catalog.forEach((name, entry) -> {
			ConnectionPreset preset = (entry.getPreset() != null) ? ConnectionPreset.find(entry.getPreset()) : null;
			if (preset == null) {
				return;
			}
			String registration = (entry.getRegistration() != null) ? entry.getRegistration() : name;
			defaults.put(CLIENT + "provider." + registration + ".authorization-uri", preset.authorizationUri());
			defaults.put(CLIENT + "provider." + registration + ".token-uri", preset.tokenUri());
			String prefix = CLIENT + "registration." + registration + ".";
			defaults.put(prefix + "authorization-grant-type", "authorization_code");
			defaults.put(prefix + "redirect-uri", REDIRECT_URI);
			defaults.put(prefix + "scope", String.join(",", preset.scopes()));
			defaults.put(prefix + "client-authentication-method", preset.clientAuthenticationMethod());
			defaults.put(prefix + "client-name", preset.clientName());
		});
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The part of a catalog entry a preset needs.
	 */
	public static class PresetReference {

		private @Nullable String preset;

		private @Nullable String registration;

		public @Nullable String getPreset() {
			return this.preset;
		}

		public void setPreset(@Nullable String preset) {
			this.preset = preset;
		}

		public @Nullable String getRegistration() {
			return this.registration;
		}

		public void setRegistration(@Nullable String registration) {
			this.registration = registration;
		}

	}

}
