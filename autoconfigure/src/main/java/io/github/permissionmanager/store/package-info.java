/**
 * The JDBC grant store: grants, group memberships and the audit trail, read and written
 * through Spring's JDBC support, and the schema scripts for H2, PostgreSQL and
 * MariaDB/MySQL.
 */
@NullMarked
package io.github.permissionmanager.store;

import org.jspecify.annotations.NullMarked;
