package io.github.permissionmanager.sample.domain;

/**
 * A session as the API shows it, read in one query without loading the entity graph.
 *
 * @param id the session id
 * @param eventId the id of its event
 * @param title its title
 */
public record SessionSummary(long id, long eventId, String title) {

}
