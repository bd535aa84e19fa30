package io.github.permissionmanager.benchmarks.http;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's delegating encoder that never asks to upgrade a stored password. With
 * the default one, the sample app's {@code {noop}} demo passwords are re-encoded with
 * BCrypt on the first login, and from then on every stateless HTTP Basic request pays a
 * BCrypt match (tens of milliseconds): both sides of the comparison would measure BCrypt,
 * not the endpoint. Registered by {@link HttpBenchmarkApplication} for the benchmark
 * only.
 */
final class NoUpgradePasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return false;
	}

}
