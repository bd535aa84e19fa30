package io.github.permissionmanager.diagnostics;

import io.github.permissionmanager.store.StoreConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link StoreConfigurationException}: what is wrong with the grant store or
 * what it needs, and what to do instead.
 */
class StoreConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StoreConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StoreConfigurationException cause) {
		return new FailureAnalysis("Permission Manager's grant store cannot work: " + sentence(cause.getDescription()),
				sentence(cause.getAction()), cause);
	}

	private static String sentence(String text) {
		return text.endsWith(".") ? text : text + ".";
	}

}
