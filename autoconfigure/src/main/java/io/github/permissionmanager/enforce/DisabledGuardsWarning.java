package io.github.permissionmanager.enforce;

import io.github.permissionmanager.RequiresPermissions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.Assert;

/**
 * With {@code permission-manager.enabled=false}, says at startup how many
 * {@code @RequiresPermissions} methods will run without any check, so that switching
 * Permission Manager off is never silent.
 */
public final class DisabledGuardsWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DisabledGuardsWarning.class);

	private final ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create the warning.
	 * @param beanFactory the factory whose beans are scanned
	 */
	public DisabledGuardsWarning(ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "beanFactory cannot be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int methods = 0;
		int beans = 0;
		for (Class<?> type : AnnotatedBeanClasses.find(this.beanFactory, RequiresPermissions.class)) {
			int guarded = GuardCoverage.guardedMethods(type).size();
			methods += guarded;
			beans += (guarded > 0) ? 1 : 0;
		}
		if (methods > 0) {
			logger.warn("Permission Manager is switched off (permission-manager.enabled=false): " + methods
					+ " @RequiresPermissions method(s) of " + beans + " bean(s) run without any check");
		}
	}

}
