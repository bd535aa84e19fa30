/**
 * The JDBC grant store: grants, group memberships and the audit trail, read and written
 * with {@code JdbcClient}, and the schema scripts for H2, PostgreSQL and MariaDB/MySQL.
 */
@NullMarked
package io.github.permissionmanager.store;

import org.jspecify.annotations.NullMarked;
