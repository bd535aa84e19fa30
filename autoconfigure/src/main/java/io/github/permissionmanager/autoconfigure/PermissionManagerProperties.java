package io.github.permissionmanager.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Logical;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration properties of Permission Manager.
 */
@ConfigurationProperties("permission-manager")
public class PermissionManagerProperties {

	/**
	 * Whether to enable Permission Manager.
	 */
	private boolean enabled = true;

	/**
	 * Whether a missing related object answers 403 instead of 404, so existence does not
	 * leak.
	 */
	private boolean hideExistence = false;

	/**
	 * Whether a key found both in the URL and through the model must agree.
	 */
	private boolean crossCheck = true;

	/**
	 * Named rules, referenced by @RequiresPermissions(rule = "...").
	 */
	private Map<String, Rule> rules = new LinkedHashMap<>();

	/**
	 * Roles: named bundles of permissions and other roles, expanded transitively.
	 */
	private Map<String, List<String>> roles = new LinkedHashMap<>();

	/**
	 * Permission catalog, keyed by permission (in YAML write "[session:update]").
	 */
	private Map<String, CatalogEntry> catalog = new LinkedHashMap<>();

	private final Tenant tenant = new Tenant();

	private final Groups groups = new Groups();

	private final Store store = new Store();

	private final Cache cache = new Cache();

	private final Evaluation evaluation = new Evaluation();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isHideExistence() {
		return this.hideExistence;
	}

	public void setHideExistence(boolean hideExistence) {
		this.hideExistence = hideExistence;
	}

	public boolean isCrossCheck() {
		return this.crossCheck;
	}

	public void setCrossCheck(boolean crossCheck) {
		this.crossCheck = crossCheck;
	}

	public Map<String, Rule> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, Rule> rules) {
		this.rules = rules;
	}

	public Map<String, List<String>> getRoles() {
		return this.roles;
	}

	public void setRoles(Map<String, List<String>> roles) {
		this.roles = roles;
	}

	public Map<String, CatalogEntry> getCatalog() {
		return this.catalog;
	}

	public void setCatalog(Map<String, CatalogEntry> catalog) {
		this.catalog = catalog;
	}

	public Tenant getTenant() {
		return this.tenant;
	}

	public Groups getGroups() {
		return this.groups;
	}

	public Store getStore() {
		return this.store;
	}

	public Cache getCache() {
		return this.cache;
	}

	public Evaluation getEvaluation() {
		return this.evaluation;
	}

	/**
	 * A named rule: the same attributes as @RequiresPermissions, written in YAML.
	 */
	public static class Rule {

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
		 * JPA entities (entity names or fully qualified class names) to load the value
		 * from.
		 */
		private List<String> model = new ArrayList<>();

		/**
		 * Path variable, parameter or argument holding the lookup value for each model.
		 */
		private List<String> fetchKeyUrl = new ArrayList<>();

		/**
		 * Entity attribute matched against the lookup value; the entity's id when not
		 * set.
		 */
		private @Nullable String fetchKeyModel;

		/**
		 * Resource type the resolved value identifies; fetch-as without its _id suffix
		 * when not set.
		 */
		private @Nullable String resource;

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

	/**
	 * What the catalog says about one permission (Airtrain), shown on a denial.
	 */
	public static class CatalogEntry {

		/**
		 * What the permission allows.
		 */
		private @Nullable String description;

		/**
		 * How data reached with the permission is handled.
		 */
		private @Nullable String dataManagement;

		/**
		 * Message shown to the user on a denial (the problem's detail).
		 */
		private @Nullable String userMessage;

		/**
		 * Steps the user can take to obtain the permission.
		 */
		private List<String> resolutionSteps = new ArrayList<>();

		/**
		 * Who to contact about the permission.
		 */
		private @Nullable String supportContact;

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public @Nullable String getDataManagement() {
			return this.dataManagement;
		}

		public void setDataManagement(@Nullable String dataManagement) {
			this.dataManagement = dataManagement;
		}

		public @Nullable String getUserMessage() {
			return this.userMessage;
		}

		public void setUserMessage(@Nullable String userMessage) {
			this.userMessage = userMessage;
		}

		public List<String> getResolutionSteps() {
			return this.resolutionSteps;
		}

		public void setResolutionSteps(List<String> resolutionSteps) {
			this.resolutionSteps = resolutionSteps;
		}

		public @Nullable String getSupportContact() {
			return this.supportContact;
		}

		public void setSupportContact(@Nullable String supportContact) {
			this.supportContact = supportContact;
		}

	}

	/**
	 * Where the default tenant resolver finds the tenant of an annotated check.
	 */
	public static class Tenant {

		/**
		 * Request header holding the tenant.
		 */
		private @Nullable String header;

		/**
		 * JWT claim holding the tenant.
		 */
		private @Nullable String claim;

		/**
		 * URI template variable holding the tenant.
		 */
		private @Nullable String pathVariable;

		public @Nullable String getHeader() {
			return this.header;
		}

		public void setHeader(@Nullable String header) {
			this.header = header;
		}

		public @Nullable String getClaim() {
			return this.claim;
		}

		public void setClaim(@Nullable String claim) {
			this.claim = claim;
		}

		public @Nullable String getPathVariable() {
			return this.pathVariable;
		}

		public void setPathVariable(@Nullable String pathVariable) {
			this.pathVariable = pathVariable;
		}

	}

	/**
	 * How a subject's groups are found besides the store's memberships.
	 */
	public static class Groups {

		/**
		 * Whether Spring Security authorities count as groups.
		 */
		private boolean fromAuthorities = true;

		/**
		 * Prefix an authority must have to count as a group; it is removed from the group
		 * name. Empty for every authority.
		 */
		private String authorityPrefix = "GROUP_";

		public boolean isFromAuthorities() {
			return this.fromAuthorities;
		}

		public void setFromAuthorities(boolean fromAuthorities) {
			this.fromAuthorities = fromAuthorities;
		}

		public String getAuthorityPrefix() {
			return this.authorityPrefix;
		}

		public void setAuthorityPrefix(String authorityPrefix) {
			this.authorityPrefix = authorityPrefix;
		}

	}

	/**
	 * JDBC grant store.
	 */
	public static class Store {

		/**
		 * Whether to create the store's tables at startup.
		 */
		private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

		/**
		 * Prefix of the store's table names.
		 */
		private String tablePrefix = "pm_";

		/**
		 * Platform of the schema script (h2, postgresql, mariadb, mysql); detected from
		 * the DataSource when not set.
		 */
		private @Nullable String platform;

		public DatabaseInitializationMode getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		public @Nullable String getPlatform() {
			return this.platform;
		}

		public void setPlatform(@Nullable String platform) {
			this.platform = platform;
		}

	}

	/**
	 * Per-subject decision cache.
	 */
	public static class Cache {

		/**
		 * Whether to cache each subject's grants.
		 */
		private boolean enabled = true;

		/**
		 * How long a subject's cached grants are kept; a backstop, since changes made
		 * through PermissionGrants evict at once.
		 */
		private Duration ttl = Duration.ofMinutes(10);

		/**
		 * Maximum number of subjects kept in the cache.
		 */
		private long maximumSize = 10_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

	}

	/**
	 * How decisions are made and reported.
	 */
	public static class Evaluation {

		/**
		 * Longest a store read for a check may take before the check denies.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Whether to publish a PermissionDecisionEvent for every decision.
		 */
		private boolean publishEvents = true;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isPublishEvents() {
			return this.publishEvents;
		}

		public void setPublishEvents(boolean publishEvents) {
			this.publishEvents = publishEvents;
		}

	}

}
