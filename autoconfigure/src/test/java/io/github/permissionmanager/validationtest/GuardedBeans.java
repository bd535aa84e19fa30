package io.github.permissionmanager.validationtest;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.enforcetest.Session;

import io.github.permissionmanager.Logical;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beans whose {@code @RequiresPermissions} cannot work, one problem each, for the startup
 * validation tests; and one that is fine.
 */
final class GuardedBeans {

	private GuardedBeans() {
	}

	static class Valid {

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void read(long eventId) {
		}

	}

	interface Archiver {

		void archive(long eventId);

	}

	static class UnknownRuleBehindAnInterface implements Archiver {

		@Override
		@RequiresPermissions(rule = "missing")
		public void archive(long eventId) {
		}

	}

	static class UnknownRule {

		@RequiresPermissions(rule = "nope")
		public void read() {
		}

	}

	static class NeitherValueNorRule {

		@RequiresPermissions(fetch = "eventId")
		public void read(long eventId) {
		}

	}

	static class BadSpel {

		@RequiresPermissions(value = "event:read", fetch = "eventId", check = "#eventId >")
		public void read(long eventId) {
		}

	}

	static class ConstantLeaveIf {

		@RequiresPermissions(value = "event:read", fetch = "eventId", leaveIf = "1 == 1 or 'a' > 'b'")
		public void read(long eventId) {
		}

	}

	static class LeaveIfReadingTheCall {

		@RequiresPermissions(value = "event:read", fetch = "eventId", leaveIf = "#eventId == 1 or values.isEmpty()")
		public void read(long eventId) {
		}

	}

	static class TypeReferenceInSpel {

		@RequiresPermissions(value = "event:read", fetch = "eventId",
				leaveIf = "T(java.lang.Runtime).getRuntime() != null")
		public void read(long eventId) {
		}

	}

	static class BeanReferenceInSpel {

		@RequiresPermissions(value = "event:read", fetch = "eventId", check = "@permissionEnforcer != null")
		public void read(long eventId) {
		}

	}

	static class FinalMethod {

		@RequiresPermissions("event:read")
		public final void read() {
		}

	}

	static class PrivateMethod {

		@RequiresPermissions("event:read")
		private void read() {
		}

		void callRead() {
			read();
		}

	}

	@RequiresPermissions("event:read")
	static class TypeLevelWithFinalMethod {

		public void read() {
		}

		public final void write() {
		}

	}

	static class UnprovidableKey {

		@RequiresPermissions(value = "event:read", fetch = "event_id")
		public void read(long id) {
		}

	}

	@RestController
	static class PathVariableKey {

		@GetMapping("/events/{event_id}")
		@RequiresPermissions(value = "event:read", fetch = "event_id")
		public void read() {
		}

	}

	static class UnknownHttpMethod {

		@RequiresPermissions(value = "event:read", methods = "FETCH")
		public void read() {
		}

	}

	static class ModelLookup {

		@RequiresPermissions(value = "session:update", fetch = "event_id", model = Session.class)
		public void update(long id) {
		}

	}

	static class UnknownEntity {

		@RequiresPermissions(rule = "unknown-entity")
		public void update(long id) {
		}

	}

	static class MissingAttribute {

		@RequiresPermissions(value = "session:update", fetch = "venue_id", model = Session.class)
		public void update(long id) {
		}

	}

	static class MissingKeyAttribute {

		@RequiresPermissions(value = "session:update", fetch = "event_id", model = Session.class,
				fetchKeyModel = "slug")
		public void update(long id) {
		}

	}

	static class UnprovidableLookupKey {

		@RequiresPermissions(value = "session:update", fetch = "event_id", model = Session.class,
				fetchKeyUrl = "session_id")
		public void update(long id) {
		}

	}

	@RestController
	static class PropertyPath {

		@GetMapping("/comments/{comment_id}")
		@RequiresPermissions(value = "board:read", fetch = "card.board.id", fetchAs = "board_id",
				model = io.github.permissionmanager.enforcetest.Comment.class, fetchKeyUrl = "comment_id")
		public void read(@PathVariable("comment_id") long commentId) {
		}

	}

	static class BrokenPropertyPath {

		@RequiresPermissions(value = "board:read", fetch = "card.owner.id",
				model = io.github.permissionmanager.enforcetest.Comment.class)
		public void read(long id) {
		}

	}

	@RestController
	static class MethodsExcludingTheMapping {

		@PutMapping("/events/{event_id}")
		@RequiresPermissions(value = "event:update", fetch = "event_id", methods = { "PATCH", "DELETE" })
		public void update(@PathVariable("event_id") long eventId) {
		}

	}

	@RestController
	static class RuleMethodsExcludingTheMapping {

		@PutMapping("/sessions/{id}")
		@RequiresPermissions(value = "session:update", rule = "patch-only")
		public void update(@PathVariable long id) {
		}

	}

	@RestController
	static class MethodsOverlappingTheMapping {

		@RequestMapping(path = "/events/{event_id}/settings", method = { RequestMethod.GET, RequestMethod.PUT })
		@RequiresPermissions(value = "event:update", fetch = "event_id", methods = "PUT")
		public void settings(@PathVariable("event_id") long eventId) {
		}

	}

	static class AnyRuleUnderAllAnnotation {

		@RequiresPermissions(value = { "event:read", "event:update" }, logical = Logical.ALL, rule = "any-of-two")
		public void read(long eventId) {
		}

	}

	static class AnyRuleWithoutOwnPermissions {

		@RequiresPermissions(rule = "any-of-two")
		public void read(long eventId) {
		}

	}

	static class AnyRuleAcceptedByTheAnnotation {

		@RequiresPermissions(rule = "any-of-two", logical = Logical.ANY)
		public void read(long eventId) {
		}

	}

	static class MalformedPermissions {

		@RequiresPermissions(value = { "event::read", "event:read,,update", "event:read," }, optional = "a:,b")
		public void read() {
		}

	}

	static class UnknownSpelVariable {

		@RequiresPermissions(value = "event:read", fetch = "eventId", check = "#eventId > 0 and #nope == 1")
		public void read(long eventId) {
		}

	}

	static class ArgumentAsSpelVariable {

		@RequiresPermissions(value = "event:read", fetch = "eventId", check = "#eventId > 0 and #note != null")
		public void read(long eventId, String note) {
		}

	}

	// the check would read the path variable, the method may use the header
	@RestController
	static class TwoArgumentsOneName {

		@GetMapping("/two/{event_id}")
		@RequiresPermissions(value = "event:read", fetch = "event_id", check = "#eventId > 0")
		String read(@PathVariable("event_id") long id, @RequestHeader("event_id") long eventId,
				@MatrixVariable(name = "eventId", pathVar = "event_id") long shifted) {
			return "";
		}

	}

	// a key named by a matrix variable or a header is that argument: what the method uses
	@RestController
	static class ArgumentsBoundFromMatrixAndHeader {

		@GetMapping("/matrix/{segment}")
		@RequiresPermissions(value = "event:read", fetch = "event_id")
		String matrix(@MatrixVariable(name = "event_id", pathVar = "segment") long target) {
			return "";
		}

		@GetMapping("/header")
		@RequiresPermissions(value = "event:read", fetch = "X-Event")
		String header(@RequestHeader("X-Event") long target) {
			return "";
		}

	}

}
