package io.github.permissionmanager.enforcetest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A MockMvc test of the enforcement test application with its properties, the header
 * every web test of this package shares.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = EnforceTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:enforcetest/enforce.properties")
public @interface EnforceWebTest {

	/**
	 * Properties added for this test class only.
	 * @return the properties, as {@code key=value}
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
