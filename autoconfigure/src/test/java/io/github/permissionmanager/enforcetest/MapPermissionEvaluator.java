package io.github.permissionmanager.enforcetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A test evaluator: exact grants of {@code user|permission|type|id}, or
 * {@code user|permission|type|*} for every object of a type. It records every request and
 * can be told to fail.
 */
public class MapPermissionEvaluator implements PermissionEvaluator {

	private final Set<String> grants = ConcurrentHashMap.newKeySet();

	private final List<PermissionRequest> requests = new ArrayList<>();

	private volatile boolean failing;

	public void grant(String user, String permission, String type, Object id) {
		this.grants.add(user + "|" + permission + "|" + type + "|" + id);
	}

	public void grantUnscoped(String user, String permission) {
		this.grants.add(user + "|" + permission + "||");
	}

	public void failWith(boolean failing) {
		this.failing = failing;
	}

	public synchronized List<PermissionRequest> requests() {
		return List.copyOf(this.requests);
	}

	public synchronized void reset() {
		this.grants.clear();
		this.requests.clear();
		this.failing = false;
	}

	@Override
	public @Nullable Decision evaluate(PermissionRequest request) {
		synchronized (this) {
			this.requests.add(request);
		}
		if (this.failing) {
			throw new IllegalStateException("grant store is down at jdbc:h2:secret");
		}
		Resource resource = request.resource();
		String prefix = request.subject().id() + "|" + request.permission() + "|";
		boolean allowed = (resource == null) ? this.grants.contains(prefix + "|")
				: this.grants.contains(prefix + resource.type() + "|" + resource.id())
						|| this.grants.contains(prefix + resource.type() + "|*");
		return allowed ? Decision.allow("granted") : Decision.deny("not granted");
	}

}
