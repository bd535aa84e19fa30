/**
 * Reliability and security suite of the sample app over real HTTP: a seeded fuzz run over
 * every endpoint, and a batch request that names one foreign id.
 */
@NullMarked
package io.github.permissionmanager.sample.reliability;

import org.jspecify.annotations.NullMarked;
