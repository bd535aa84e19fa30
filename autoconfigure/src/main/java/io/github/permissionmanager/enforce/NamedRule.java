package io.github.permissionmanager.enforce;

import java.util.List;

import io.github.permissionmanager.Logical;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A rule under {@code permission-manager.rules}, as written: the same attributes as
 * {@link io.github.permissionmanager.RequiresPermissions}, which override them.
 *
 * @param permissions the permissions required
 * @param logical whether all or any of them are required
 * @param fetch the context keys to resolve
 * @param fetchAs the name the resolved value is known by, or {@code null}
 * @param model the entity names or class names to look the value up on
 * @param fetchKeyUrl the lookup keys, one per model or one for all
 * @param fetchKeyModel the entity attribute matched against the lookup value, or
 * {@code null}
 * @param resource the resource type, or {@code null}
 * @param methods the HTTP methods the check applies to
 * @param leaveIf SpEL that skips the check when true, or {@code null}
 * @param check SpEL that denies when false, or {@code null}
 * @param optional the permissions evaluated but never blocking
 */
public record NamedRule(List<String> permissions, Logical logical, List<String> fetch, @Nullable String fetchAs,
		List<String> model, List<String> fetchKeyUrl, @Nullable String fetchKeyModel, @Nullable String resource,
		List<String> methods, @Nullable String leaveIf, @Nullable String check, List<String> optional) {

	static final NamedRule NONE = new NamedRule(List.of(), Logical.ALL, List.of(), null, List.of(), List.of(), null,
			null, List.of(), null, null, List.of());

	public NamedRule {
		Assert.notNull(logical, "logical cannot be null");
		permissions = List.copyOf(permissions);
		fetch = List.copyOf(fetch);
		model = List.copyOf(model);
		fetchKeyUrl = List.copyOf(fetchKeyUrl);
		methods = List.copyOf(methods);
		optional = List.copyOf(optional);
	}

}
