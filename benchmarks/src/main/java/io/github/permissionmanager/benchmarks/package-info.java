/**
 * JMH benchmarks of Permission Manager, side by side with jCasbin, Apache Shiro, Spring
 * Security ACL and a plain {@code HashMap}. Run them with {@code benchmarks/run.sh}.
 */
@NullMarked
package io.github.permissionmanager.benchmarks;

import org.jspecify.annotations.NullMarked;
