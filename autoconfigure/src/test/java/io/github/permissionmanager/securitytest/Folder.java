package io.github.permissionmanager.securitytest;

/**
 * A plain domain object, no JPA: type {@code folder}, id its {@code id} component.
 *
 * @param id the id, {@code null} when not saved yet
 * @param name the name
 */
public record Folder(Long id, String name) {

}
