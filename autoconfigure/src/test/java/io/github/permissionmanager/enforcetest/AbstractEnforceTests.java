package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every test of the enforcement test application starts from: the map-backed
 * evaluator with no grant, no side effect recorded, and the rows of {@link TestData}. A
 * test class adds its own grants in a {@code @BeforeEach} of its own, which runs after
 * this one.
 */
abstract class AbstractEnforceTests {

	@Autowired
	MapPermissionEvaluator evaluator;

	@Autowired
	SideEffects sideEffects;

	@Autowired
	TestData data;

	@BeforeEach
	void resetTestState() {
		this.evaluator.reset();
		this.sideEffects.reset();
		this.data.reset();
	}

}
