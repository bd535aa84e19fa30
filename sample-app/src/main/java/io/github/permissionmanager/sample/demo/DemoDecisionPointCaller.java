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
 * In the {@code pdp} profile, lets the demo's callers of the decision point (their API
 * keys in {@code application.yml}) ask it: the service {@code agenda} gets a grant of
 * {@code pdp:check}, without which the key alone is refused, and {@code auditor} gets
 * {@code pdp:explain} and {@code pdp:list} as well, so it may read explanations, list a
 * user's permissions and list the objects and tenants a user can reach. Giving them again
 * at a later start leaves one grant each.
 */
@Component
@Profile("pdp")
class DemoDecisionPointCaller implements ApplicationRunner {

	/** The caller that may ask about decisions. */
	static final String CALLER = "agenda";

	/** The caller that may read explanations and list permissions and objects too. */
	static final String AUDITOR = "auditor";

	private static final Log logger = LogFactory.getLog(DemoDecisionPointCaller.class);

	private final PermissionGrants grants;

	DemoDecisionPointCaller(PermissionGrants grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = grants;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.grants.grant(Grant.of(Grantee.user(CALLER), "pdp:check"));
		this.grants.grant(Grant.of(Grantee.user(AUDITOR), "pdp:check"));
		this.grants.grant(Grant.of(Grantee.user(AUDITOR), "pdp:explain"));
		this.grants.grant(Grant.of(Grantee.user(AUDITOR), "pdp:list"));
		logger.info("The decision point answers the service '" + CALLER + "' (pdp:check granted) and '" + AUDITOR
				+ "' (pdp:check, pdp:explain and pdp:list granted)");
	}

}
