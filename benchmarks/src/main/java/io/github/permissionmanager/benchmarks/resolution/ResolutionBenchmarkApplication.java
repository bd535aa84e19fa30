package io.github.permissionmanager.benchmarks.resolution;

import io.github.permissionmanager.PermissionManager;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A non-web Spring Boot application with JPA on H2 in memory, Permission Manager's
 * auto-configuration, and the services of {@link TalkServices}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ResolutionBenchmarkApplication {

	@Bean
	TalkServices.ModelLookup modelLookupTalkService() {
		return new TalkServices.ModelLookup();
	}

	@Bean
	TalkServices.HandWrittenQuery handWrittenQueryTalkService(TalkRepository talks, PermissionManager permissions) {
		return new TalkServices.HandWrittenQuery(talks, permissions);
	}

	@Bean
	TalkServices.HandWrittenFindById handWrittenFindByIdTalkService(TalkRepository talks,
			PermissionManager permissions) {
		return new TalkServices.HandWrittenFindById(talks, permissions);
	}

}
