package io.github.permissionmanager.enforcetest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A MockMvc test of the enforcement test application ({@link EnforceWebTest}), starting
 * from the state {@link AbstractEnforceTests} sets.
 */
abstract class AbstractEnforceWebTests extends AbstractEnforceTests {

	@Autowired
	MockMvc mvc;

}
