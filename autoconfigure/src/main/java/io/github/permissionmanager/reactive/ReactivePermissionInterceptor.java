package io.github.permissionmanager.reactive;

import java.util.Optional;
import java.util.function.Supplier;

import io.github.permissionmanager.resolve.RequestBinding;
import io.github.permissionmanager.resolve.RequestValues;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs a guarded method that returns a {@code Mono} or a {@code Flux} on subscription
 * instead of on the call: it reads the caller from {@link ReactiveSecurityContextHolder}
 * and the request from the exchange {@link ServerWebExchangeContextFilter} put in the
 * subscriber's context, then, on the given scheduler (a blocking model lookup must not
 * hold an event-loop thread), lets the rest of the advice chain — the permission check
 * first — run with that caller in the {@link SecurityContextHolderStrategy} and that
 * request in the {@link RequestBinding}, exactly as an imperative call would: path
 * variables, query parameters, the {@code methods} filter and the tenant sources are read
 * under the same rules as in Spring MVC. A refusal is the publisher's error, signalled
 * before anything else; the method is not called and nothing it would return is
 * subscribed. Each subscription is checked on its own.
 * <p>
 * Methods with any other return type pass through untouched (the startup check refuses
 * them in a reactive application).
 */
public final class ReactivePermissionInterceptor implements MethodInterceptor {

	private final Supplier<SecurityContextHolderStrategy> securityContext;

	private final Scheduler scheduler;

	/**
	 * Create an interceptor.
	 * @param securityContext the strategy the permission check reads the caller from
	 * @param scheduler where the check and the call run
	 */
	public ReactivePermissionInterceptor(Supplier<SecurityContextHolderStrategy> securityContext, Scheduler scheduler) {
		Assert.notNull(securityContext, "securityContext cannot be null");
		Assert.notNull(scheduler, "scheduler cannot be null");
		this.securityContext = SingletonSupplier.of(securityContext);
		this.scheduler = scheduler;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Class<?> returnType = invocation.getMethod().getReturnType();
		if (!Publisher.class.isAssignableFrom(returnType)) {
			return invocation.proceed();
		}
		Mono<Publisher<?>> call = ReactiveSecurityContextHolder.getContext()
			.map((context) -> Optional.ofNullable(context.getAuthentication()))
			.defaultIfEmpty(Optional.empty())
			.zipWith(Mono.deferContextual((view) -> Mono.just(ServerWebExchangeContextFilter.getExchange(view))))
			.publishOn(this.scheduler)
			.map((caller) -> proceedAs(caller.getT1().orElse(null), caller.getT2().orElse(null), invocation));
		if (Mono.class.isAssignableFrom(returnType)) {
			return call.flatMap(Mono::from);
		}
		return call.flatMapMany(Flux::from);
	}

	private Publisher<?> proceedAs(@Nullable Authentication authentication, @Nullable ServerWebExchange exchange,
			MethodInvocation invocation) {
		SecurityContextHolderStrategy strategy = this.securityContext.get();
		SecurityContext previous = strategy.getContext();
		SecurityContext context = strategy.createEmptyContext();
		context.setAuthentication(authentication);
		strategy.setContext(context);
		RequestValues previousRequest = RequestBinding
			.bind((exchange != null) ? new ExchangeRequestValues(exchange) : null);
		try {
			// a clone per subscription: an invocation can proceed only once
			MethodInvocation call = (invocation instanceof ProxyMethodInvocation proxy) ? proxy.invocableClone()
					: invocation;
			Object result = call.proceed();
			return (result instanceof Publisher<?> publisher) ? publisher : Mono.empty();
		}
		catch (Throwable ex) {
			throw Exceptions.propagate(ex);
		}
		finally {
			RequestBinding.restore(previousRequest);
			strategy.setContext(previous);
		}
	}

}
