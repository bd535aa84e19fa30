package io.github.permissionmanager.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Open Event-style demo of Permission Manager: events, their sessions, speakers and
 * tracks, guarded by {@code @RequiresPermissions} and the rules in
 * {@code application.yml}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
