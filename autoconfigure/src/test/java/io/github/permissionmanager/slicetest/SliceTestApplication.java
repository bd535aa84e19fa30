package io.github.permissionmanager.slicetest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A fresh application, as a user starts one, whose controller the slice tests load alone:
 * nothing of Permission Manager is declared here, so whatever guards the slice comes from
 * the starter.
 */
@SpringBootApplication
public class SliceTestApplication {

}
