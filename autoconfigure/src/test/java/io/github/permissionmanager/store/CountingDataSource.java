package io.github.permissionmanager.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A DataSource that counts the statements executed through it and remembers the query
 * timeout each was given and the SQL of each prepared one, so tests can bound the number
 * of queries and see the timeout and the SQL.
 */
public final class CountingDataSource extends DelegatingDataSource {

	private final AtomicInteger executed = new AtomicInteger();

	private final List<Integer> queryTimeouts = new CopyOnWriteArrayList<>();

	private final List<String> prepared = new CopyOnWriteArrayList<>();

	public CountingDataSource(DataSource target) {
		super(target);
	}

	public int executed() {
		return this.executed.get();
	}

	public void reset() {
		this.executed.set(0);
		this.queryTimeouts.clear();
		this.prepared.clear();
	}

	public List<String> prepared() {
		return this.prepared;
	}

	public List<Integer> queryTimeouts() {
		return this.queryTimeouts;
	}

	@Override
	public Connection getConnection() throws java.sql.SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws java.sql.SQLException {
		return wrap(super.getConnection(username, password));
	}

	private Connection wrap(Connection connection) {
		return proxy(Connection.class, connection, (proxy, method, args) -> {
			if (method.getName().startsWith("prepare") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				this.prepared.add(sql);
			}
			Object result = invoke(connection, method, args);
			return (result instanceof Statement statement) ? wrapStatement(statement, method.getReturnType()) : result;
		});
	}

	private Object wrapStatement(Statement statement, Class<?> type) {
		return proxy(type, statement, (proxy, method, args) -> {
			if (method.getName().startsWith("execute")) {
				this.executed.incrementAndGet();
			}
			if (method.getName().equals("setQueryTimeout")) {
				this.queryTimeouts.add((Integer) args[0]);
			}
			return invoke(statement, method, args);
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<?> type, Object target, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
