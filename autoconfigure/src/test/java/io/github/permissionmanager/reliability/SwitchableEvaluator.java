package io.github.permissionmanager.reliability;

import java.sql.SQLException;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import org.jspecify.annotations.Nullable;

/**
 * The default evaluator, which a test can turn into a broken one: throwing a runtime
 * exception, an {@link Error}, a checked exception (as an evaluator written in Kotlin or
 * Groovy does), or abstaining with {@code null}.
 */
public final class SwitchableEvaluator implements PermissionEvaluator {

	enum Mode {

		NORMAL, THROW_RUNTIME, THROW_ERROR, THROW_CHECKED, ABSTAIN

	}

	private final DefaultPermissionEvaluator delegate;

	private volatile Mode mode = Mode.NORMAL;

	SwitchableEvaluator(GrantSnapshotCache snapshots) {
		this.delegate = new DefaultPermissionEvaluator(snapshots);
	}

	void mode(Mode mode) {
		this.mode = mode;
	}

	@Override
	public @Nullable Decision evaluate(PermissionRequest request) {
		return switch (this.mode) {
			case NORMAL -> this.delegate.evaluate(request);
			case THROW_RUNTIME -> throw new IllegalStateException("evaluator broke at jdbc:h2:secret-host");
			case THROW_ERROR -> throw new StackOverflowError("evaluator overflowed");
			case THROW_CHECKED -> sneakyThrow(new SQLException("connection reset by jdbc:h2:secret-host"));
			case ABSTAIN -> null;
		};
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> Decision sneakyThrow(Throwable ex) throws T {
		throw (T) ex;
	}

}
