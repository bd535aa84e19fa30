package io.github.permissionmanager.security;

import io.github.permissionmanager.Resource;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a domain object handed to {@code hasPermission} names its resource.
 */
class DefaultDomainResourceResolverTests {

	private final DefaultDomainResourceResolver resolver = new DefaultDomainResourceResolver();

	@Test
	void entityIsItsUncapitalizedNameAndItsIdAttribute() {
		assertThat(this.resolver.resolve(new TalkSlot(5L))).isEqualTo(Resource.of("talkSlot", 5));
	}

	@Test
	void entityNameWinsOverTheClassName() {
		assertThat(this.resolver.resolve(new Named("abc"))).isEqualTo(Resource.of("session", "abc"));
	}

	@Test
	void subclassOfAnEntitySuchAsALazyProxyIsTheEntityAndReadsTheIdThroughItsGetter() {
		assertThat(this.resolver.resolve(new TalkSlotProxy())).isEqualTo(Resource.of("talkSlot", 99));
	}

	@Test
	void plainObjectUsesItsClassNameAndGetId() {
		assertThat(this.resolver.resolve(new Board())).isEqualTo(Resource.of("board", 3));
	}

	@Test
	void recordUsesItsIdComponent() {
		assertThat(this.resolver.resolve(new Card(4, "x"))).isEqualTo(Resource.of("card", 4));
	}

	@Test
	void resourceStandsForItself() {
		Resource resource = Resource.of("event", 1).withTenant("acme");
		assertThat(this.resolver.resolve(resource)).isSameAs(resource);
	}

	@Test
	void objectWithoutAnIdOrWithANullIdNamesNoResource() {
		assertThat(this.resolver.resolve(new Object())).isNull();
		assertThat(this.resolver.resolve("a string")).isNull();
		assertThat(this.resolver.resolve(new TalkSlot(null))).isNull();
		assertThat(this.resolver.resolve(new Card(null, "draft"))).isNull();
	}

	@Entity
	static class TalkSlot {

		@Id
		private Long id;

		TalkSlot(Long id) {
			this.id = id;
		}

		public Long getId() {
			return this.id;
		}

	}

	static class TalkSlotProxy extends TalkSlot {

		TalkSlotProxy() {
			super(null);
		}

		@Override
		public Long getId() {
			return 99L;
		}

	}

	@Entity(name = "session")
	static class Named {

		@Id
		private String key;

		Named(String key) {
			this.key = key;
		}

	}

	static class Board {

		public int getId() {
			return 3;
		}

	}

	record Card(Integer id, String title) {
	}

}
