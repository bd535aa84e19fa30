/**
 * Fixtures the project's own test suites share: the fail-or-skip condition for the
 * machine's PostgreSQL, MariaDB and Redis servers, loopback HTTP calls with HTTP Basic,
 * and the servlet security of the test applications. A test-scope dependency only.
 */
@NullMarked
package io.github.permissionmanager.testsupport;

import org.jspecify.annotations.NullMarked;
