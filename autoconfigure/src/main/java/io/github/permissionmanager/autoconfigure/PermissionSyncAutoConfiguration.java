package io.github.permissionmanager.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreConfigurationException;
import io.github.permissionmanager.sync.ChangeFollower;
import io.github.permissionmanager.sync.PostgresChangeListener;
import io.github.permissionmanager.sync.PostgresChangeSignal;
import io.github.permissionmanager.sync.RedisChangeListener;
import io.github.permissionmanager.sync.RedisChangeSignal;
import io.github.permissionmanager.sync.SyncSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.ClassUtils;

/**
 * Keeps this instance's decision cache true to changes made on other instances: a
 * follower of the store's change log ({@code permission-manager.cache.sync.mode=poll},
 * the default), woken early by PostgreSQL {@code LISTEN/NOTIFY} ({@code postgres}) or
 * Redis pub/sub ({@code redis}, with Spring Data Redis and a
 * {@link RedisConnectionFactory}); {@code none} turns it off. A mode whose infrastructure
 * is missing stops the application at startup. An instance that caches nothing
 * ({@code permission-manager.cache.enabled=false}) has nothing to follow: it only writes
 * the change log and sends the push wake-ups, for the others.
 */
@AutoConfiguration(after = PermissionStoreAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnBean({ GrantSnapshotCache.class, ChangeLog.class })
@EnableConfigurationProperties({ PermissionStoreProperties.class, PermissionSyncProperties.class })
public final class PermissionSyncAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PermissionSyncAutoConfiguration.class);

	private static final Pattern SAFE_CHANNEL = Pattern.compile("[A-Za-z0-9_]{1,63}");

	private static final String MODE = "permission-manager.cache.sync.mode";

	@Bean
	@ConditionalOnMissingBean
	@Conditional(FollowingCondition.class)
	ChangeFollower permissionChangeFollower(ChangeLog changeLog, GrantSnapshotCache snapshots,
			PermissionSyncProperties sync, ObjectProvider<Clock> clock, PermissionStoreDataSource storeDataSource,
			PermissionStoreProperties store) {
		if (sync.getMode() == PermissionSyncProperties.Mode.REDIS
				&& !ClassUtils.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory",
						getClass().getClassLoader())) {
			throw new StoreConfigurationException(
					MODE + "=redis needs Spring Data Redis, which is not on the classpath",
					"Add org.springframework.boot:spring-boot-starter-data-redis, or set " + MODE + "=poll");
		}
		// The follower reads the changes, and records how far it has read for pruning
		changeLog.requireTables(true,
				() -> PermissionStoreSchemaInitializer.schemaScript(storeDataSource.dataSource(), store.getPlatform()));
		SyncSettings settings = new SyncSettings(sync.getPollInterval(), sync.getMaxStaleness(), sync.getGapTimeout(),
				sync.getRetention(), pruneInterval(sync.getRetention()));
		return new ChangeFollower(changeLog, snapshots, settings, UUID.randomUUID().toString(),
				clock.getIfUnique(Clock::systemUTC));
	}

	private static Duration pruneInterval(Duration retention) {
		Duration tenth = retention.dividedBy(10);
		return (tenth.compareTo(Duration.ofMinutes(5)) > 0) ? Duration.ofMinutes(5) : tenth;
	}

	static String channel(PermissionSyncProperties sync, PermissionStoreProperties store) {
		String channel = sync.getChannel().isEmpty() ? store.getTablePrefix() + "changes" : sync.getChannel();
		if (!SAFE_CHANNEL.matcher(channel).matches()) {
			throw new StoreConfigurationException(
					"permission-manager.cache.sync.channel may only contain letters, "
							+ "digits and underscores (at most 63), not '" + channel + "'",
					"Set permission-manager.cache.sync.channel to such a name, or leave it empty for the table "
							+ "prefix followed by 'changes'");
		}
		// PostgreSQL folds unquoted names to lower case; one spelling for both ends
		return channel.toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether this instance follows the change log: not with {@code mode=none}, and not
	 * when nothing is cached, since there is nothing to invalidate then (the change log
	 * is still written: the other instances follow it).
	 */
	static final class FollowingCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Permission change log follower");
			Binder binder = Binder.get(context.getEnvironment());
			PermissionSyncProperties.Mode mode = binder.bind(MODE, PermissionSyncProperties.Mode.class)
				.orElse(PermissionSyncProperties.Mode.POLL);
			if (mode == PermissionSyncProperties.Mode.NONE) {
				return ConditionOutcome.noMatch(message.because(MODE + " is none"));
			}
			PermissionCacheProperties cache = binder.bind("permission-manager.cache", PermissionCacheProperties.class)
				.orElseGet(PermissionCacheProperties::new);
			if (!cache.isEnabled() || cache.getTtl().isZero() || cache.getMaximumSize() <= 0) {
				return ConditionOutcome.noMatch(
						message.because("permission-manager.cache caches nothing, so there is nothing to invalidate"));
			}
			return ConditionOutcome.match(message.because("the cache follows " + MODE + "=" + mode));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MODE, havingValue = "postgres")
	static class PostgresPush {

		@Bean
		PostgresChangeSignal permissionPostgresChangeSignal(PermissionStoreDataSource storeDataSource,
				PermissionSyncProperties sync, PermissionStoreProperties store) {
			requirePostgres(storeDataSource.dataSource());
			return new PostgresChangeSignal(JdbcClient.create(storeDataSource.dataSource()), channel(sync, store));
		}

		@Bean
		@Conditional(FollowingCondition.class)
		PostgresChangeListener permissionPostgresChangeListener(PermissionStoreDataSource storeDataSource,
				ChangeFollower follower, PermissionSyncProperties sync, PermissionStoreProperties store) {
			return new PostgresChangeListener(storeDataSource.dataSource(), channel(sync, store), follower);
		}

		private static void requirePostgres(DataSource dataSource) {
			if (!ClassUtils.isPresent("org.postgresql.PGConnection", PostgresPush.class.getClassLoader())) {
				throw new StoreConfigurationException(
						MODE + "=postgres needs the PostgreSQL JDBC driver, which is not on the classpath",
						"Add org.postgresql:postgresql, or set " + MODE + "=poll");
			}
			String product;
			try {
				product = JdbcUtils.extractDatabaseMetaData(dataSource,
						(metaData) -> metaData.getDatabaseProductName());
			}
			catch (MetaDataAccessException ex) {
				// The database does not answer now: the listener says so, and polling
				// goes on
				logger.warn("Could not tell whether the grant store is on PostgreSQL: " + ex.getMessage());
				return;
			}
			if (!"PostgreSQL".equalsIgnoreCase(product)) {
				throw new StoreConfigurationException(
						MODE + "=postgres needs the grant store on PostgreSQL, and it is on " + product,
						"Set " + MODE + "=poll, or " + MODE + "=redis with a Redis server");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MODE, havingValue = "redis")
	@ConditionalOnClass(RedisConnectionFactory.class)
	static class RedisPush {

		@Bean
		RedisChangeSignal permissionRedisChangeSignal(ObjectProvider<RedisConnectionFactory> connectionFactory,
				PermissionSyncProperties sync, PermissionStoreProperties store) {
			StringRedisTemplate redis = new StringRedisTemplate(required(connectionFactory));
			return new RedisChangeSignal(redis, channel(sync, store));
		}

		@Bean
		@Conditional(FollowingCondition.class)
		RedisChangeListener permissionRedisChangeListener(ObjectProvider<RedisConnectionFactory> connectionFactory,
				ChangeFollower follower, PermissionSyncProperties sync, PermissionStoreProperties store) {
			return new RedisChangeListener(required(connectionFactory), channel(sync, store), follower);
		}

		private static RedisConnectionFactory required(ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new StoreConfigurationException(MODE + "=redis needs a RedisConnectionFactory, and there is none",
						"Configure Redis (spring.data.redis.host, .port), or set " + MODE + "=poll");
			}
			return factory;
		}

	}

}
