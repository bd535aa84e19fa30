package io.github.permissionmanager.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.enforce.RuleDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads, as the build generates it: every key has a
 * description, every leaf of a rule and of a catalog entry is described, and the hints
 * offer the values a key takes.
 */
class ConfigurationMetadataTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyPropertyOfEveryPropertiesClassIsDescribed() throws Exception {
		Map<String, JsonNode> properties = properties("META-INF/spring-configuration-metadata.json");
		List<Class<?>> classes = propertiesClasses();
		assertThat(classes).contains(PermissionManagerProperties.class, PermissionRulesProperties.class,
				PermissionCatalogProperties.class, PermissionStoreProperties.class, PermissionRegistryProperties.class);
		for (Class<?> type : classes) {
			List<JsonNode> ofType = properties.values()
				.stream()
				.filter((property) -> property.path("sourceType").asString("").equals(type.getName()))
				.toList();
			assertThat(ofType).as(type.getSimpleName()).isNotEmpty();
			ofType.forEach((property) -> assertThat(property.path("description").asString(""))
				.as(property.path("name").asString())
				.isNotBlank()
				.doesNotStartWith("The ")
				.doesNotStartWith("A "));
		}
		assertThat(properties).containsKeys("permission-manager.enabled", "permission-manager.roles",
				"permission-manager.rules", "permission-manager.catalog", "permission-manager.store.platform",
				"permission-manager.store.initialize-schema", "permission-manager.permissions.strict",
				"management.health.permissions.enabled");
		assertThat(properties.get("permission-manager.rules").path("type").asString())
			.isEqualTo("java.util.Map<java.lang.String," + RuleDefinition.class.getName() + ">");
	}

	@Test
	void everyLeafOfARuleIsDescribed() throws Exception {
		Map<String, JsonNode> leaves = properties(
				"META-INF/spring/configuration-metadata/" + RuleDefinition.class.getName() + ".json");
		assertThat(leaves).containsKeys("permissions", "logical", "fetch", "fetch-as", "model", "fetch-key-url",
				"fetch-key-model", "resource", "methods", "leave-if", "check", "optional");
		assertThat(leaves.keySet()).containsExactlyInAnyOrderElementsOf(writableProperties(RuleDefinition.class));
		leaves.values().forEach((leaf) -> assertThat(leaf.path("description").asString("")).isNotBlank());
	}

	@Test
	void everyLeafOfACatalogEntryIsDescribed() throws Exception {
		Map<String, JsonNode> leaves = properties("META-INF/spring/configuration-metadata/"
				+ PermissionCatalogProperties.CatalogEntry.class.getName() + ".json");
		assertThat(leaves).containsKeys("description", "data-management", "user-message", "resolution-steps",
				"support-contact", "technical-detail", "usage");
		assertThat(leaves.keySet())
			.containsExactlyInAnyOrderElementsOf(writableProperties(PermissionCatalogProperties.CatalogEntry.class));
		leaves.values().forEach((leaf) -> assertThat(leaf.path("description").asString("")).isNotBlank());
	}

	@Test
	void hintsOfferTheValuesAndTypesOfTheMapsAndEnumeratedKeys() throws Exception {
		Map<String, JsonNode> hints = new LinkedHashMap<>();
		read("META-INF/spring-configuration-metadata.json").path("hints")
			.forEach((hint) -> hints.put(hint.path("name").asString(), hint));
		assertThat(values(hints.get("permission-manager.rules.values.methods"))).containsExactly("GET", "HEAD", "POST",
				"PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
		assertThat(values(hints.get("permission-manager.rules.values.logical"))).containsExactly("ALL", "ANY");
		assertThat(values(hints.get("permission-manager.store.platform"))).containsExactly("h2", "postgresql",
				"mariadb", "mysql");
		assertThat(values(hints.get("permission-manager.store.initialize-schema"))).containsExactly("embedded",
				"always", "never");
		assertThat(handledAs(hints.get("permission-manager.rules.values"))).isEqualTo(RuleDefinition.class.getName());
		assertThat(handledAs(hints.get("permission-manager.catalog.values")))
			.isEqualTo(PermissionCatalogProperties.CatalogEntry.class.getName());
		assertThat(hints).containsKeys("permission-manager.rules.keys", "permission-manager.catalog.keys",
				"permission-manager.roles.keys", "permission-manager.roles.values");
	}

	private static List<String> values(JsonNode hint) {
		List<String> values = new ArrayList<>();
		hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
		return values;
	}

	private static String handledAs(JsonNode hint) {
		return hint.path("providers").path(0).path("parameters").path("target").asString();
	}

	private static Map<String, JsonNode> properties(String location) throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		read(location).path("properties")
			.forEach((property) -> properties.put(property.path("name").asString(), property));
		return properties;
	}

	private static JsonNode read(String location) throws IOException {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return json.readTree(in);
		}
	}

	private static List<String> writableProperties(Class<?> type) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
			.filter((descriptor) -> descriptor.getWriteMethod() != null)
			.map((descriptor) -> DataObjectPropertyName.toDashedForm(descriptor.getName()))
			.toList();
	}

	private static List<Class<?>> propertiesClasses() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<Class<?>> classes = new ArrayList<>();
		for (BeanDefinition candidate : scanner
			.findCandidateComponents(PermissionManagerProperties.class.getPackageName())) {
			classes.add(Class.forName(candidate.getBeanClassName()));
		}
		return classes;
	}

}
