package io.github.permissionmanager.filtertest;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A ticket whose references are kept in columns of another type than their Java one,
 * through JPA attribute converters: a number stored as text with a prefix
 * ({@code 7 -> "R-7"}), and a text code stored as a number ({@code "12" -> 12}).
 */
@Entity
public class Ticket {

	@Id
	private Long id;

	@Convert(converter = RefText.class)
	private Long ref;

	@Convert(converter = CodeNumber.class)
	private String code;

	protected Ticket() {
	}

	public Ticket(long id, long ref, String code) {
		this.id = id;
		this.ref = ref;
		this.code = code;
	}

	public Long getId() {
		return this.id;
	}

	public Long getRef() {
		return this.ref;
	}

	public String getCode() {
		return this.code;
	}

	/**
	 * A reference as text: "R-" and the number.
	 */
	static class RefText implements AttributeConverter<Long, String> {

		@Override
		public String convertToDatabaseColumn(Long ref) {
			return (ref != null) ? "R-" + ref : null;
		}

		@Override
		public Long convertToEntityAttribute(String column) {
			return (column != null) ? Long.valueOf(column.substring(2)) : null;
		}

	}

	/**
	 * A numeric code as a number.
	 */
	static class CodeNumber implements AttributeConverter<String, Integer> {

		@Override
		public Integer convertToDatabaseColumn(String code) {
			return (code != null) ? Integer.valueOf(code) : null;
		}

		@Override
		public String convertToEntityAttribute(Integer column) {
			return (column != null) ? column.toString() : null;
		}

	}

}
