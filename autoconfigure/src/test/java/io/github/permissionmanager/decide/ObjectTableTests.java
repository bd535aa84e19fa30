package io.github.permissionmanager.decide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ObjectTable} answers exactly what the objects' tries answer: for every object it
 * holds, ids whose hashes collide, ids it does not hold, and objects with several grants.
 */
class ObjectTableTests {

	private final GrantImplication implication = new GrantImplication(
			new Roles(Map.of("editor", List.of("doc:read", "doc:update"))));

	@Test
	void answersAsEachObjectsTrieDoesForEveryIdAndRequest() {
		Map<String, PermissionTrie> objects = new LinkedHashMap<>();
		// "Aa" and "BB" have the same String hash, as do "AaAa", "AaBB", "BBAa" and
		// "BBBB"
		List<String> ids = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "7", "70", "700", "x");
		for (int i = 0; i < ids.size(); i++) {
			objects.put(ids.get(i), trie((i % 2 == 0) ? List.of("editor") : List.of("doc:read")));
		}
		// an object with two grants is matched through its own trie
		objects.put("both", trie(List.of("doc:delete", "doc:share:*")));
		@Nullable Object[] table = ObjectTable.of(objects);

		List<String> requests = List.of("doc:read", "doc:update", "doc:delete", "doc:share:link", "doc", "editor",
				"doc:read:7");
		for (String id : List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "7", "70", "700", "x", "both", "y", "",
				"AaAaAa", "Ab", "BA")) {
			for (String request : requests) {
				GrantImplication.Requested requested = this.implication.requested(request);
				PermissionTrie trie = objects.get(id);
				GrantAllow expected = (trie != null) ? trie.allowing(requested) : null;
				// a different String instance than the key: found by equality
				assertThat(ObjectTable.allowing(table, new String(id), requested)).as("%s on %s", request, id)
					.isSameAs(expected);
			}
		}
		assertThat(ObjectTable.allowing(table, "Aa", this.implication.requested("doc:update"))).isNotNull();
		assertThat(ObjectTable.allowing(table, "BB", this.implication.requested("doc:update"))).isNull();
		assertThat(ObjectTable.allowing(table, "both", this.implication.requested("doc:share:x"))).isNotNull();
		assertThat(ObjectTable.allowing(table, "both", this.implication.requested("doc:read"))).isNull();
	}

	@Test
	void anEmptyTableAllowsNothing() {
		assertThat(ObjectTable.allowing(ObjectTable.of(Map.of()), "7", this.implication.requested("doc:read")))
			.isNull();
	}

	@Test
	void aFullSizedTableFindsEveryObject() {
		Map<String, PermissionTrie> objects = new LinkedHashMap<>();
		for (int i = 0; i < 1000; i++) {
			objects.put(Integer.toString(i), trie(List.of("doc:read")));
		}
		@Nullable Object[] table = ObjectTable.of(objects);
		GrantImplication.Requested read = this.implication.requested("doc:read");
		for (int i = 0; i < 1000; i++) {
			assertThat(ObjectTable.allowing(table, Integer.toString(i), read)).isNotNull();
		}
		for (int i = 1000; i < 3000; i++) {
			assertThat(ObjectTable.allowing(table, Integer.toString(i), read)).isNull();
		}
	}

	private PermissionTrie trie(List<String> permissions) {
		PermissionTrie trie = null;
		for (String permission : permissions) {
			GrantImplication.Held held = this.implication.held(permission);
			Grant grant = Grant.of(Grantee.user("holder"), permission).on("doc", "any");
			trie = PermissionTrie.adding(trie, held, new GrantAllow(grant, held.role()), this.implication);
		}
		assertThat(trie).isNotNull();
		trie.freeze();
		assertThat(trie.soleAllow() != null).isEqualTo(permissions.size() == 1);
		return trie;
	}

}
