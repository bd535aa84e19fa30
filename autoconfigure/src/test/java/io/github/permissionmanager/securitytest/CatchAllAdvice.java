package io.github.permissionmanager.securitytest;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An application's catch-all: every exception becomes a 500. Permission Manager's answers
 * must hold anyway.
 */
@ControllerAdvice
class CatchAllAdvice {

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> handle(Exception ex) {
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("caughtBy", "application"));
	}

}
