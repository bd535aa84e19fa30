package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ObjectTable} answers exactly what the objects' tries answer: for every object it
 * holds, ids whose hashes collide, ids it does not hold, and objects with several grants,
 * whatever number of objects its builder was told to expect.
 */
class ObjectTableTests {

	private final GrantImplication implication = new GrantImplication(
			new Roles(Map.of("editor", List.of("doc:read", "doc:update"))));

	// the allows each reference trie was built from, in order
	private final Map<PermissionTrie, List<GrantAllow>> grants = new IdentityHashMap<>();

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
		@Nullable Object[] table = table(objects, 4);

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
		assertThat(ObjectTable.allowing(ObjectTable.empty(), "7", this.implication.requested("doc:read"))).isNull();
		assertThat(ObjectTable.allowing(new ObjectTable.Builder(8).build(this.implication), "7",
				this.implication.requested("doc:read")))
			.isNull();
	}

	@Test
	void aFullSizedTableFindsEveryObject() {
		Map<String, PermissionTrie> objects = new LinkedHashMap<>();
		for (int i = 0; i < 1000; i++) {
			objects.put(Integer.toString(i), trie(List.of("doc:read")));
		}
		@Nullable Object[] table = table(objects, 1000);
		GrantImplication.Requested read = this.implication.requested("doc:read");
		for (int i = 0; i < 1000; i++) {
			assertThat(ObjectTable.allowing(table, Integer.toString(i), read)).isNotNull();
		}
		for (int i = 1000; i < 3000; i++) {
			assertThat(ObjectTable.allowing(table, Integer.toString(i), read)).isNull();
		}
	}

	@Test
	void aTableGrownPastItsHintOrCutToSizeFindsEveryObject() {
		Map<String, PermissionTrie> objects = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			objects.put(Integer.toString(i),
					trie((i % 10 == 0) ? List.of("doc:delete", "doc:read") : List.of("doc:read")));
		}
		GrantImplication.Requested read = this.implication.requested("doc:read");
		GrantImplication.Requested delete = this.implication.requested("doc:delete");
		for (int expected : List.of(0, 1, 10, 100, 5000)) {
			@Nullable Object[] table = table(objects, expected);
			for (int i = 0; i < 200; i++) {
				String id = Integer.toString(i);
				assertThat(ObjectTable.allowing(table, id, read)).as("%s with %s expected", id, expected)
					.isSameAs((i < 100) ? objects.get(id).allowing(read) : null);
				assertThat(ObjectTable.allowing(table, id, delete)).as("%s with %s expected", id, expected)
					.isSameAs((i < 100) ? objects.get(id).allowing(delete) : null);
			}
			// cut to size: at most half full, as a table built for exactly 100 objects
			assertThat(table).hasSize(256 * 3);
		}
	}

	@Test
	void collectsTheObjectsAllowedAndThePermissionThatAllowsEach() {
		Map<String, PermissionTrie> objects = new LinkedHashMap<>();
		objects.put("1", trie(List.of("doc:read")));
		objects.put("2", trie(List.of("doc:delete")));
		objects.put("3", trie(List.of("doc:delete", "editor")));
		Set<String> ids = new HashSet<>();
		Set<String> permissions = new HashSet<>();
		ObjectTable.collect(table(objects, 3), this.implication.requested("doc:update"), ids, permissions);
		assertThat(ids).containsExactly("3");
		assertThat(permissions).containsExactly("editor");
		ObjectTable.collect(table(objects, 3), this.implication.requested("doc:read"), ids, permissions);
		assertThat(ids).containsExactlyInAnyOrder("1", "3");
		assertThat(permissions).containsExactlyInAnyOrder("doc:read", "editor");
	}

	// the table a builder fills with the objects' grants, as a snapshot's build adds them
	private @Nullable Object[] table(Map<String, PermissionTrie> objects, int expected) {
		ObjectTable.Builder builder = new ObjectTable.Builder(expected);
		objects.forEach((id, trie) -> this.grants.get(trie)
			.forEach((allow) -> builder.add(id, this.implication.held(allow.grant().permission()), allow,
					this.implication)));
		return builder.build(this.implication);
	}

	private PermissionTrie trie(List<String> permissions) {
		PermissionTrie trie = null;
		List<GrantAllow> allows = new ArrayList<>();
		for (String permission : permissions) {
			GrantImplication.Held held = this.implication.held(permission);
			Grant grant = Grant.of(Grantee.user("holder"), permission).on("doc", "any");
			GrantAllow allow = new GrantAllow(grant, held.role());
			allows.add(allow);
			trie = PermissionTrie.adding(trie, held, allow, this.implication);
		}
		assertThat(trie).isNotNull();
		this.grants.put(trie, allows);
		trie.freeze();
		assertThat(trie.soleAllow() != null).isEqualTo(permissions.size() == 1);
		return trie;
	}

}
