package io.github.permissionmanager.filter;

/**
 * What one query is filtered by: whose grants, which permission, on which resource type.
 *
 * @param user the subject's id
 * @param permission the permission each row needs
 * @param resourceType the type of the resources the rows name
 */
record FilterRequest(String user, String permission, String resourceType) {

}
