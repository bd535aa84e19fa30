/**
 * Who the caller is: the one reading of Spring Security's current {@code Authentication}
 * that both enforcement and the audit trail use.
 */
@NullMarked
package io.github.permissionmanager.caller;

import org.jspecify.annotations.NullMarked;
