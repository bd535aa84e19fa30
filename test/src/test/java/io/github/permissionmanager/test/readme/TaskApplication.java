package io.github.permissionmanager.test.readme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The fresh application the README's Testing section starts from: Spring MVC, Spring
 * Security's defaults and Permission Manager, nothing else.
 */
@SpringBootApplication
public class TaskApplication {

	public static void main(String[] args) {
		SpringApplication.run(TaskApplication.class, args);
	}

}
