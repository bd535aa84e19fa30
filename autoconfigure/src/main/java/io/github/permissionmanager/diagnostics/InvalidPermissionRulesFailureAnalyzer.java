package io.github.permissionmanager.diagnostics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.InvalidPermissionRulesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidPermissionRulesException}: every problem, each naming the
 * method or the YAML rule and the bad value, and for each kind of problem found what to
 * write instead.
 */
class InvalidPermissionRulesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPermissionRulesException> {

	private static final String PERMISSION_SYNTAX = "Write a permission as parts separated by ':' (event:read), '*' for "
			+ "any part and ',' between alternatives (event:read,update), with no empty part and no spaces.";

	// a fragment of a problem, and what to do about every problem that has it
	private static final List<Map.Entry<String, String>> ACTIONS = List.of(
			Map.entry("unknown rule '",
					"Define the rule under permission-manager.rules.<name>, or correct the rule's name on the "
							+ "annotation (the names known are listed)."),
			Map.entry("neither value nor rule is set",
					"Name the permissions on the annotation (@RequiresPermissions(\"event:read\")) or a rule that has "
							+ "them (rule = \"...\")."),
			Map.entry("no permissions:", "Give the rule permissions: [...], or the annotation a value."),
			Map.entry("malformed permission", PERMISSION_SYNTAX), Map.entry("empty permission", PERMISSION_SYNTAX),
			Map.entry("is not a permission",
					"Key each catalog entry by a permission exactly as it is checked, "
							+ "written \"[session:update]\" in YAML. " + PERMISSION_SYNTAX),
			Map.entry("unknown HTTP method",
					"List HTTP methods in methods: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS " + "or TRACE."),
			Map.entry("excludes every HTTP method",
					"Remove the methods filter, or name a verb the handler is mapped to: "
							+ "otherwise the check would never apply."),
			Map.entry("says logical ANY",
					"Set logical = Logical.ANY on the annotation to accept the rule's, or remove logical: ANY from the "
							+ "rule."),
			Map.entry("needs JPA",
					"Add spring-boot-starter-data-jpa so there is an EntityManagerFactory; in a "
							+ "@WebMvcTest or @WebFluxTest add @AutoConfigureDataJpa to the test."),
			Map.entry("unknown entity",
					"Name the model by its JPA entity name (@Entity(name = ...), else the class's "
							+ "simple name) or its fully qualified class name."),
			Map.entry("has no attribute",
					"Name in fetch (or fetch-key-model) an attribute, association or property "
							+ "path (session.event.id) of the entity."),
			Map.entry("no source can provide fetch", "Name in fetch a parameter of the method, a URI template variable "
					+ "or required parameter of its mapping, or add a model whose fetch-key-url the method provides."),
			Map.entry("need fetch",
					"Add fetch: the key to resolve (fetch-as, model, fetch-key-url, fetch-key-model and "
							+ "resource describe how fetch is resolved)."),
			Map.entry("fetch has an empty key", "Remove the empty key from fetch."),
			Map.entry("must name one key, or one per model",
					"Give fetch-key-url one key for every model, or one key per model, in the same order."),
			Map.entry("names several arguments", "Give each argument of the method its own name."),
			Map.entry("SpEL",
					"Write leave-if and check as read-only SpEL over #context, #subject, the resolved names, "
							+ "the method's arguments and the mapping's variables: no type or bean references, "
							+ "constructors or assignments."),
			Map.entry("cannot be advised",
					"Make the method public (or protected or package-private), not final, "
							+ "private or static, so Spring can proxy it."),
			Map.entry("cannot be proxied", "Make the class not final, so Spring can proxy it."),
			Map.entry("its type's @RequiresPermissions cannot apply",
					"Make the method not final, so Spring can " + "proxy it."),
			Map.entry("reactive application", "In a WebFlux application, return a Mono or a Flux from a guarded method "
					+ "and read optional permissions some other way than a PermissionContext parameter."));

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPermissionRulesException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause.getProblems()), cause);
	}

	private static String action(List<String> problems) {
		Set<String> actions = new LinkedHashSet<>();
		for (String problem : problems) {
			for (Map.Entry<String, String> entry : ACTIONS) {
				if (problem.contains(entry.getKey())) {
					actions.add(entry.getValue());
				}
			}
		}
		StringBuilder text = new StringBuilder("Correct the @RequiresPermissions annotations and the "
				+ "permission-manager.rules / permission-manager.catalog entries named above:");
		actions.forEach((action) -> text.append(System.lineSeparator()).append(" - ").append(action));
		return text.toString();
	}

}
