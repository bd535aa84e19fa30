package io.github.permissionmanager.sample.demo;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * In the {@code pdp} profile, lets the demo's one caller of the decision point, the
 * service {@code agenda} (its API key in {@code application.yml}), ask it: a grant of
 * {@code pdp:check}, without which the key alone is refused. Giving it again at a later
 * start leaves one grant.
 */
@Component
@Profile("pdp")
class DemoDecisionPointCaller implements ApplicationRunner {

	/** The caller named by the pdp profile's API key. */
	static final String CALLER = "agenda";

	private static final Log logger = LogFactory.getLog(DemoDecisionPointCaller.class);

	private final PermissionGrants grants;

	DemoDecisionPointCaller(PermissionGrants grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = grants;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.grants.grant(Grant.of(Grantee.user(CALLER), "pdp:check"));
		logger.info("The decision point answers the service '" + CALLER + "' (pdp:check granted)");
	}

}
