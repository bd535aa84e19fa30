package io.github.permissionmanager.sample;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records every SQL statement the application prepares, by wrapping the
 * {@link DataSource}: Hibernate and the grant store's JdbcClient both go through it.
 */
final class SqlStatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

	private final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(dataSource);
		proxy.addInterface(DataSource.class);
		proxy.addAdvice((MethodInterceptor) (invocation) -> {
			Object result = invocation.proceed();
			return (result instanceof Connection connection) ? record(connection) : result;
		});
		return proxy.getProxy();
	}

	private Connection record(Connection connection) {
		ProxyFactory proxy = new ProxyFactory(connection);
		proxy.addInterface(Connection.class);
		proxy.addAdvice((MethodInterceptor) (invocation) -> {
			Method method = invocation.getMethod();
			if (STATEMENT_METHODS.contains(method.getName())) {
				Object[] arguments = invocation.getArguments();
				this.statements.add((arguments.length > 0 && arguments[0] instanceof String sql) ? sql : "<statement>");
			}
			return invocation.proceed();
		});
		return (Connection) proxy.getProxy();
	}

	/**
	 * Forget what was recorded.
	 */
	void reset() {
		this.statements.clear();
	}

	/**
	 * The statements prepared since the last {@link #reset()}.
	 * @return the SQL of each, in order
	 */
	List<String> statements() {
		return List.copyOf(this.statements);
	}

}
