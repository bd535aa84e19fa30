package io.github.permissionmanager.benchmarks.http;

import java.util.Map;

import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Maps the guarded GET endpoint named by {@code bench.guarded-path} (default
 * {@code /events/{event_id}/tracks}) a second time under {@code /unguarded}, on the
 * controller's unproxied target: the same handler method, the same security filter chain,
 * the same database work — only {@code @RequiresPermissions} is not in the way. Refuses
 * to start when the endpoint is missing or its controller is not proxied (then the
 * "guarded" side would not be guarded and the comparison would be meaningless).
 */
public class UnguardedTwin implements SmartInitializingSingleton {

	/** Where the twin is mapped: this prefix + the guarded path. */
	public static final String PREFIX = "/unguarded";

	private final RequestMappingHandlerMapping mapping;

	private final ApplicationContext context;

	private final String guardedPath;

	public UnguardedTwin(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
			ApplicationContext context, Environment environment) {
		this.mapping = mapping;
		this.context = context;
		this.guardedPath = environment.getProperty("bench.guarded-path", "/events/{event_id}/tracks");
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (info.getPatternValues().contains(this.guardedPath)
					&& info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				HandlerMethod handler = entry.getValue();
				Object bean = handler.getBean();
				Object proxy = (bean instanceof String name) ? this.context.getBean(name) : bean;
				Object target = unproxied(proxy);
				if (target == proxy) {
					throw new IllegalStateException(handler + " is not proxied: GET " + this.guardedPath
							+ " would not be guarded, so there is nothing to compare");
				}
				RequestMappingInfo twin = RequestMappingInfo.paths(PREFIX + this.guardedPath)
					.methods(RequestMethod.GET)
					.options(this.mapping.getBuilderConfiguration())
					.build();
				this.mapping.registerMapping(twin, target, handler.getMethod());
				return;
			}
		}
		throw new IllegalStateException("No GET " + this.guardedPath + " endpoint to compare");
	}

	private static Object unproxied(Object bean) {
		Object current = bean;
		try {
			while (current instanceof Advised advised) {
				Object target = advised.getTargetSource().getTarget();
				if (target == null) {
					break;
				}
				current = target;
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot reach the target of " + bean.getClass().getName(), ex);
		}
		return current;
	}

}
