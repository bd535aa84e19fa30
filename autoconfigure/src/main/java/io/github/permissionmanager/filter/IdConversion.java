package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;

/**
 * Turns the string ids of grants into values of an id attribute's type, exactly: a check
 * compares a row's id by its {@code toString()}, so an id is kept only when its converted
 * value prints as the same string ({@code "07"} names no {@code Long} row, an upper-case
 * UUID no {@code UUID} row), and one that does not convert names no row at all.
 * <p>
 * A grant snapshot answers the same immutable set of ids for as long as it is current, so
 * the values converted from a set are kept with that set, found by its identity (never by
 * equality) and dropped when the set is collected: every page of a list and its count
 * convert once per snapshot, and a snapshot that answers other ids (a revoke, a group
 * change, an expiry) hands over another set, converted anew.
 */
final class IdConversion {

	// Identity-keyed, weakly held: a set no snapshot holds any more goes with its values
	private final Cache<Set<String>, Map<Class<?>, List<Object>>> converted = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(1024)
		.build();

	private final ConversionService conversionService;

	IdConversion(ConversionService conversionService) {
		Assert.notNull(conversionService, "conversionService cannot be null");
		this.conversionService = conversionService;
	}

	boolean canConvert(Class<?> type) {
		return type == String.class || this.conversionService.canConvert(String.class, type);
	}

	/**
	 * The ids that name rows of a type, converted to it.
	 * @param ids the ids, an immutable set (as snapshots answer them)
	 * @param type the (boxed) type of the id attribute
	 * @return the values, unmodifiable, in the order of {@code ids}
	 */
	List<Object> convert(Set<String> ids, Class<?> type) {
		Map<Class<?>, List<Object>> byType = this.converted.get(ids, (key) -> new ConcurrentHashMap<>(2));
		return byType.computeIfAbsent(type, (key) -> convertNow(ids, type));
	}

	/**
	 * The ids that name rows of a type, converted now and kept nowhere: for sets made for
	 * one query.
	 * @param ids the ids
	 * @param type the (boxed) type of the attribute
	 * @return the values, unmodifiable, in the order of {@code ids}
	 */
	List<Object> convertNow(Set<String> ids, Class<?> type) {
		List<Object> values = new ArrayList<>(ids.size());
		for (String id : ids) {
			if (type == String.class) {
				values.add(id);
				continue;
			}
			try {
				Object value = this.conversionService.convert(id, type);
				if (value != null && value.toString().equals(id)) {
					values.add(value);
				}
			}
			catch (ConversionException | IllegalArgumentException ex) {
				// an id of another shape cannot name a row of this type
			}
		}
		return Collections.unmodifiableList(values);
	}

}
