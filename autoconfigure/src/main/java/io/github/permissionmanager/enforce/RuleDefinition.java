package io.github.permissionmanager.enforce;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Logical;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * A named rule under {@code permission-manager.rules.<name>}, bound from YAML once and
 * read by the rule parser as it is: the same attributes as
 * {@link io.github.permissionmanager.RequiresPermissions}. An attribute the annotation
 * sets overrides the rule's; one that would make the check weaker than the annotation
 * reads (a rule's {@code logical: ANY} under an annotation that reads {@code ALL}) is a
 * startup error.
 */
@ConfigurationPropertiesSource
public class RuleDefinition {

	/**
	 * Permissions required.
	 */
	private List<String> permissions = new ArrayList<>();

	/**
	 * Whether all of the permissions are required or any one of them.
	 */
	private Logical logical = Logical.ALL;

	/**
	 * Context keys to resolve; alternatives, the first one present wins.
	 */
	private List<String> fetch = new ArrayList<>();

	/**
	 * Name the resolved value is known by in the context.
	 */
	private @Nullable String fetchAs;

	/**
	 * JPA entities (entity names or fully qualified class names) to load the value from.
	 */
	private List<String> model = new ArrayList<>();

	/**
	 * Path variable, parameter or argument holding the lookup value for each model.
	 */
	private List<String> fetchKeyUrl = new ArrayList<>();

	/**
	 * Entity attribute matched against the lookup value; the entity's id when not set.
	 */
	private @Nullable String fetchKeyModel;

	/**
	 * Resource type the resolved value identifies; fetch-as without its _id suffix when
	 * not set.
	 */
	private @Nullable String resource;

	/**
	 * Resource attributes the model lookup reads in the same query, for grant conditions
	 * (resource.status): attributes or property paths of the model, each known by its
	 * last segment.
	 */
	private List<String> attributes = new ArrayList<>();

	/**
	 * HTTP methods the check applies to; other methods pass unchecked.
	 */
	private List<String> methods = new ArrayList<>();

	/**
	 * SpEL over the context; true skips the check.
	 */
	private @Nullable String leaveIf;

	/**
	 * SpEL over the context; false denies.
	 */
	private @Nullable String check;

	/**
	 * Permissions evaluated but never blocking.
	 */
	private List<String> optional = new ArrayList<>();

	public List<String> getPermissions() {
		return this.permissions;
	}

	public void setPermissions(List<String> permissions) {
		this.permissions = permissions;
	}

	public Logical getLogical() {
		return this.logical;
	}

	public void setLogical(Logical logical) {
		this.logical = logical;
	}

	public List<String> getFetch() {
		return this.fetch;
	}

	public void setFetch(List<String> fetch) {
		this.fetch = fetch;
	}

	public @Nullable String getFetchAs() {
		return this.fetchAs;
	}

	public void setFetchAs(@Nullable String fetchAs) {
		this.fetchAs = fetchAs;
	}

	public List<String> getModel() {
		return this.model;
	}

	public void setModel(List<String> model) {
		this.model = model;
	}

	public List<String> getFetchKeyUrl() {
		return this.fetchKeyUrl;
	}

	public void setFetchKeyUrl(List<String> fetchKeyUrl) {
		this.fetchKeyUrl = fetchKeyUrl;
	}

	public List<String> getAttributes() {
		return this.attributes;
	}

	public void setAttributes(List<String> attributes) {
		this.attributes = attributes;
	}

	public @Nullable String getFetchKeyModel() {
		return this.fetchKeyModel;
	}

	public void setFetchKeyModel(@Nullable String fetchKeyModel) {
		this.fetchKeyModel = fetchKeyModel;
	}

	public @Nullable String getResource() {
		return this.resource;
	}

	public void setResource(@Nullable String resource) {
		this.resource = resource;
	}

	public List<String> getMethods() {
		return this.methods;
	}

	public void setMethods(List<String> methods) {
		this.methods = methods;
	}

	public @Nullable String getLeaveIf() {
		return this.leaveIf;
	}

	public void setLeaveIf(@Nullable String leaveIf) {
		this.leaveIf = leaveIf;
	}

	public @Nullable String getCheck() {
		return this.check;
	}

	public void setCheck(@Nullable String check) {
		this.check = check;
	}

	public List<String> getOptional() {
		return this.optional;
	}

	public void setOptional(List<String> optional) {
		this.optional = optional;
	}

}
