package io.github.permissionmanager.sample.web;

import java.util.List;

/**
 * An event as the API shows it.
 *
 * @param id the event id
 * @param name its name
 * @param actions what the caller may do with it besides reading it
 */
record EventView(long id, String name, List<String> actions) {

}
