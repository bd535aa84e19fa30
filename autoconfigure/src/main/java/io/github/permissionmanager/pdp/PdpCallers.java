package io.github.permissionmanager.pdp;

import java.util.function.Supplier;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * Who may ask the decision point, so that it never becomes an oracle anyone can ask about
 * anyone: an authenticated caller (a service presenting a bearer token the resource
 * server validated, or an API key) whose subject holds {@value #CHECK}, decided like any
 * other permission (a grant in the store, to the service's name or one of its groups).
 * Explanations, which name the grant that matched, and listings of a user's permissions
 * ({@code user-permissions}, every grant of the user at once) also need
 * {@value #EXPLAIN}. Listings of what a user can reach ({@code object-ids}, every object
 * of a type the user may act on, and {@code check/all-tenants}, every tenant in which a
 * check is allowed) also need {@value #LIST}: a check answers about one object the caller
 * names, a listing tells it objects and tenants it did not know of.
 */
public final class PdpCallers {

	/** The permission a caller needs to ask anything. */
	public static final String CHECK = "pdp:check";

	/**
	 * The permission a caller needs for explanations and listings naming the grants of
	 * others.
	 */
	public static final String EXPLAIN = "pdp:explain";

	/**
	 * The permission a caller needs to list the objects or tenants a user can reach.
	 */
	public static final String LIST = "pdp:list";

	private final CurrentCaller caller;

	private final Supplier<SubjectResolver> subjects;

	private final DecisionService decisions;

	private final String askForCredentials;

	/**
	 * Create the authorization of callers.
	 * @param caller reads the authenticated caller
	 * @param subjects builds the caller's subject, as for any check
	 * @param decisions decides the caller's permissions
	 */
	public PdpCallers(CurrentCaller caller, Supplier<SubjectResolver> subjects, DecisionService decisions) {
		this(caller, subjects, decisions, "Authenticate as a service: send a bearer token or an API key.");
	}

	/**
	 * Create the authorization of callers.
	 * @param caller reads the authenticated caller
	 * @param subjects builds the caller's subject, as for any check
	 * @param decisions decides the caller's permissions
	 * @param askForCredentials what a caller without credentials is told (the credentials
	 * the decision point accepts, {@link PdpProblems#askForCredentials()})
	 */
	public PdpCallers(CurrentCaller caller, Supplier<SubjectResolver> subjects, DecisionService decisions,
			String askForCredentials) {
		Assert.notNull(caller, "caller cannot be null");
		Assert.notNull(subjects, "subjects cannot be null");
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.hasText(askForCredentials, "askForCredentials cannot be empty");
		this.caller = caller;
		this.subjects = subjects;
		this.decisions = decisions;
		this.askForCredentials = askForCredentials;
	}

	/**
	 * The current caller, allowed to ask.
	 * @return the caller's subject
	 * @throws PdpRefusal 401 when nobody is authenticated, 403 without {@value #CHECK}
	 * @throws io.github.permissionmanager.PermissionEvaluationException when the caller's
	 * permission cannot be decided
	 */
	public Subject authorize() {
		Authentication authentication = this.caller.authentication();
		if (authentication == null) {
			throw new PdpRefusal(HttpStatus.UNAUTHORIZED, this.askForCredentials);
		}
		Subject subject = this.subjects.get().resolve(authentication);
		if (!this.decisions.allows(subject, CHECK, null, PermissionContext.empty())) {
			throw new PdpRefusal(HttpStatus.FORBIDDEN, "The caller '" + subject.id() + "' does not hold " + CHECK
					+ ": it may not ask this decision point.");
		}
		return subject;
	}

	/**
	 * Refuse an authorized caller a listing of a user's permissions unless it may read
	 * explanations: the listing names every grant an explanation could name.
	 * @param caller the caller's subject
	 * @throws PdpRefusal 403 without {@value #EXPLAIN}
	 */
	public void authorizeListing(Subject caller) {
		if (!mayExplain(caller)) {
			throw new PdpRefusal(HttpStatus.FORBIDDEN, "The caller '" + caller.id() + "' does not hold " + EXPLAIN
					+ ": a user's permissions name the user's grants, which only callers allowed to explain may read.");
		}
	}

	/**
	 * Refuse an authorized caller a listing of the objects or tenants a user can reach
	 * unless it may list them.
	 * @param caller the caller's subject
	 * @throws PdpRefusal 403 without {@value #LIST}
	 */
	public void authorizeReachListing(Subject caller) {
		if (!this.decisions.allows(caller, LIST, null, PermissionContext.empty())) {
			throw new PdpRefusal(HttpStatus.FORBIDDEN, "The caller '" + caller.id() + "' does not hold " + LIST
					+ ": listing the objects or tenants a user can reach takes it besides " + CHECK + ".");
		}
	}

	/**
	 * Whether an authorized caller may read explanations.
	 * @param caller the caller's subject
	 * @return whether it holds {@value #EXPLAIN}
	 */
	public boolean mayExplain(Subject caller) {
		return this.decisions.allows(caller, EXPLAIN, null, PermissionContext.empty());
	}

}
