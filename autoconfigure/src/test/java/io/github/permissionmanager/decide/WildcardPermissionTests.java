package io.github.permissionmanager.decide;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Shiro's wildcard semantics, case-sensitive, checked twice for every case: by
 * {@link WildcardPermission#implies} and by the {@link PermissionTrie} the snapshots use,
 * which must agree.
 */
class WildcardPermissionTests {

	@ParameterizedTest(name = "held ''{0}'' implies ''{1}'': {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			event:read          | event:read           | true
			event:read          | event:update         | false
			event:*             | event:update         | true
			event:*             | event                | true
			event:*             | event:update:7       | true
			event               | event:read           | true
			event               | event:read:7         | true
			event:read          | event                | false
			event:read          | event:read:7         | true
			*                   | anything:at:all      | true
			*                   | event                | true
			event:read,update   | event:update         | true
			event:read,update   | event:delete         | false
			event:read,update   | event:read,update    | true
			event:read,update   | event:update,read    | true
			event:read          | event:read,update    | false
			event:*:7           | event:read:7         | true
			event:*:7           | event:read:8         | false
			event:*:7           | event:read           | false
			event:*:*           | event                | true
			event:*:*           | event:read           | true
			Event:read          | event:read           | false
			event:READ          | event:read           | false
			event:read          | Event:read           | false
			event:read          | event:*              | false
			event:*             | event:*              | true
			*:read              | session:read         | true
			*:read              | session:update       | false
			*:read              | session              | false
			"event: read "      | event:read           | true
			event:read,*        | event:delete         | true
			session:update      | sessions:update      | false
			a:b:c               | a:b                  | false
			a,b:c               | b:c:d                | true
			a:b,c:d,e           | a:c:e                | true
			a:b,c:d,e           | a:c:f                | false
			event:read          | event:read:*         | true
			event:read:7        | event:read:*         | false
			""")
	void impliesFollowsShiroCaseSensitively(String held, String requested, boolean implied) {
		WildcardPermission heldPermission = WildcardPermission.parse(held);
		WildcardPermission requestedPermission = WildcardPermission.parse(requested);

		assertThat(heldPermission.implies(requestedPermission)).isEqualTo(implied);
		PermissionTrie trie = new PermissionTrie();
		GrantAllow allow = allowOf(held);
		trie.add(heldPermission, allow);
		trie.freeze();
		assertThat(trie.match(requestedPermission)).isEqualTo(implied ? allow.decision() : null);
	}

	@Test
	void trieWithManyPermissionsMatchesTheFirstThatImpliesAndNothingElse() {
		PermissionTrie trie = new PermissionTrie();
		GrantAllow read = allowOf("event:read");
		GrantAllow sessions = allowOf("session:*:title");
		trie.add(WildcardPermission.parse("event:read"), read);
		trie.add(WildcardPermission.parse("session:*:title"), sessions);
		trie.freeze();

		assertThat(trie.match(WildcardPermission.parse("event:read:7"))).isSameAs(read.decision());
		assertThat(trie.match(WildcardPermission.parse("session:update:title"))).isSameAs(sessions.decision());
		assertThat(trie.match(WildcardPermission.parse("session:update:body"))).isNull();
		assertThat(trie.match(WildcardPermission.parse("session:update"))).isNull();
		assertThat(trie.match(WildcardPermission.parse("event:update"))).isNull();
	}

	@Test
	void requestedAlternativesMustAllBeImpliedByOneHeldPermissionAsInShiro() {
		PermissionTrie trie = new PermissionTrie();
		trie.add(WildcardPermission.parse("event:read"), allowOf("event:read"));
		trie.add(WildcardPermission.parse("event:update"), allowOf("event:update"));
		trie.freeze();

		assertThat(trie.match(WildcardPermission.parse("event:read,update"))).isNull();
		assertThat(trie.match(WildcardPermission.parse("event:read"))).isNotNull();
	}

	@Test
	void permissionWithVeryManyAlternativesIsStillMatched() {
		String parts = String.join(",", java.util.stream.IntStream.range(0, 40).mapToObj((i) -> "p" + i).toList());
		PermissionTrie trie = new PermissionTrie();
		GrantAllow allow = allowOf(parts + ":" + parts);
		trie.add(WildcardPermission.parse(parts + ":" + parts), allow);
		trie.freeze();

		assertThat(trie.match(WildcardPermission.parse("p39:p7"))).isSameAs(allow.decision());
		assertThat(trie.match(WildcardPermission.parse("p40:p7"))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "event::read", ":event", "event:", "event:read,", "event:,read", "a:b:" })
	void parseRejectsEmptyPartsAndAlternatives(String permission) {
		assertThatIllegalArgumentException().isThrownBy(() -> WildcardPermission.parse(permission));
	}

	@Test
	void plainPermissionsKnowTheirParts() {
		assertThat(WildcardPermission.parse("event:read").isPlain()).isTrue();
		assertThat(WildcardPermission.parse("event:*").isPlain()).isFalse();
		assertThat(WildcardPermission.parse("event:read,update").isPlain()).isFalse();
		assertThat(WildcardPermission.parse("event:read").equals(WildcardPermission.parse(" event : read "))).isTrue();
		assertThat(List.of(WildcardPermission.parse("a:b").toString())).containsExactly("a:b");
	}

	private static GrantAllow allowOf(String held) {
		return new GrantAllow(Grant.of(Grantee.user("holder"), held), false, null);
	}

}
