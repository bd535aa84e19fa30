package io.github.permissionmanager.sample.domain;

import org.jspecify.annotations.Nullable;

/**
 * A speaker as the API shows it.
 *
 * @param id the speaker id
 * @param sessionId the id of the session they present
 * @param name their name
 * @param email their e-mail address, or {@code null} when the caller may not see it
 */
public record SpeakerSummary(long id, long sessionId, String name, @Nullable String email) {

	/**
	 * This speaker without contact details, for the public view.
	 * @return a new summary
	 */
	public SpeakerSummary withoutEmail() {
		return new SpeakerSummary(this.id, this.sessionId, this.name, null);
	}

}
