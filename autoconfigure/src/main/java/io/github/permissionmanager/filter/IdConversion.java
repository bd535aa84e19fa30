package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;

/**
 * Turns the string ids of grants into values of an id attribute's type, exactly: a check
 * compares a row's id by its {@code toString()}, so an id is kept only when its converted
 * value prints as the same string ({@code "07"} names no {@code Long} row, an upper-case
 * UUID no {@code UUID} row), and one that does not convert names no row at all.
 */
final class IdConversion {

	private final ConversionService conversionService;

	IdConversion(ConversionService conversionService) {
		Assert.notNull(conversionService, "conversionService cannot be null");
		this.conversionService = conversionService;
	}

	boolean canConvert(Class<?> type) {
		return type == String.class || this.conversionService.canConvert(String.class, type);
	}

	List<Object> convert(Set<String> ids, Class<?> type) {
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
		return values;
	}

}
