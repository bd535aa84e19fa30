package io.github.permissionmanager.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.StringUtils;

/**
 * Gives the grants of {@link WithPermissions} before a test runs and revokes them after
 * it, through the application's {@link PermissionGrants}. Runs after Spring Security's
 * {@code WithSecurityContextTestExecutionListener}, so the user {@code @WithMockUser}
 * signs in is known, and inside the test's transaction when there is one.
 */
public final class WithPermissionsTestExecutionListener extends AbstractTestExecutionListener {

	private static final String GRANTED = WithPermissionsTestExecutionListener.class.getName() + ".granted";

	/**
	 * After Spring Security's {@code WithSecurityContextTestExecutionListener} (10000).
	 */
	@Override
	public int getOrder() {
		return 10_500;
	}

	@Override
	public void beforeTestExecution(TestContext testContext) {
		List<WithPermissions> annotations = new ArrayList<>(AnnotatedElementUtils
			.findMergedRepeatableAnnotations(testContext.getTestClass(), WithPermissions.class));
		annotations.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(testContext.getTestMethod(),
				WithPermissions.class));
		if (annotations.isEmpty()) {
			return;
		}
		PermissionGrants grants = grants(testContext);
		Set<Grant> wanted = new LinkedHashSet<>();
		for (WithPermissions annotation : annotations) {
			wanted.addAll(grantsOf(annotation, testContext));
		}
		// a grant the grantee holds already (with any expiry) is left as it is
		List<Grant> added = new ArrayList<>();
		for (Grant grant : wanted) {
			if (grants.permissionsOf(grant.grantee()).stream().noneMatch((held) -> sameScope(held, grant))) {
				added.add(grant);
			}
		}
		if (!added.isEmpty()) {
			grants.grantAll(added);
		}
		testContext.setAttribute(GRANTED, added);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterTestExecution(TestContext testContext) {
		Object added = testContext.removeAttribute(GRANTED);
		if (added instanceof List<?> list && !list.isEmpty()) {
			grants(testContext).revokeAll((List<Grant>) list);
		}
	}

	private static List<Grant> grantsOf(WithPermissions annotation, TestContext testContext) {
		Grantee grantee = grantee(annotation, testContext);
		List<Grant> grants = new ArrayList<>();
		for (String permission : annotation.value()) {
			Grant global = Grant.of(grantee, permission);
			if (StringUtils.hasText(annotation.tenant())) {
				global = global.inTenant(annotation.tenant());
			}
			if (!StringUtils.hasText(annotation.type())) {
				if (annotation.id().length > 0) {
					throw new IllegalStateException(where(testContext) + ": @WithPermissions names ids "
							+ List.of(annotation.id()) + " but no type; set type = \"...\"");
				}
				grants.add(global);
			}
			else if (annotation.id().length == 0) {
				grants.add(global.on(annotation.type()));
			}
			else {
				for (String id : annotation.id()) {
					grants.add(global.on(annotation.type(), id));
				}
			}
		}
		return grants;
	}

	private static Grantee grantee(WithPermissions annotation, TestContext testContext) {
		if (StringUtils.hasText(annotation.user()) && StringUtils.hasText(annotation.group())) {
			throw new IllegalStateException(where(testContext) + ": @WithPermissions names both a user and a group");
		}
		if (StringUtils.hasText(annotation.group())) {
			return Grantee.group(annotation.group());
		}
		if (StringUtils.hasText(annotation.user())) {
			return Grantee.user(annotation.user());
		}
		Authentication authentication = TestSecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !StringUtils.hasText(authentication.getName())) {
			throw new IllegalStateException(where(testContext) + ": @WithPermissions needs a user to grant to: sign "
					+ "one in with @WithMockUser (or @WithUserDetails), or name one with user = \"...\"");
		}
		return Grantee.user(authentication.getName());
	}

	private static boolean sameScope(Grant held, Grant wanted) {
		return held.grantee().equals(wanted.grantee()) && held.permission().equals(wanted.permission())
				&& Objects.equals(held.resourceType(), wanted.resourceType())
				&& Objects.equals(held.resourceId(), wanted.resourceId())
				&& Objects.equals(held.tenant(), wanted.tenant());
	}

	private static PermissionGrants grants(TestContext testContext) {
		try {
			return testContext.getApplicationContext().getBean(PermissionGrants.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException(where(testContext) + ": @WithPermissions needs a PermissionGrants bean: "
					+ "the grant store of the application, or the test store of permission-manager-spring-boot-test "
					+ "when the test has no DataSource", ex);
		}
	}

	private static String where(TestContext testContext) {
		@Nullable String method = null;
		try {
			method = testContext.getTestMethod().getName();
		}
		catch (IllegalStateException ex) {
			// no test method: the class level
		}
		return testContext.getTestClass().getName() + ((method != null) ? "#" + method : "");
	}

}
