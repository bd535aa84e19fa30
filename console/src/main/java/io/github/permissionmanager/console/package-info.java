/**
 * The admin console ({@code permission-manager.console.enabled=true}): server-rendered
 * pages under {@code permission-manager.console.path} that search grantees, give and take
 * back grants, answer "who can", explain decisions, page the audit trail and list the
 * guarded methods. Every page needs {@code permission-manager.console.permission} through
 * {@code @RequiresPermissions}, like any guarded method of the application.
 */
@NullMarked
package io.github.permissionmanager.console;

import org.jspecify.annotations.NullMarked;
