package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.transaction.ReplicasNotAcknowledgedException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Turns every failure inside a hook into that hook's envelope with HTTP 200. Logs carry the
 * exception type and message only: no stack trace, and never a request body.
 */
@RestControllerAdvice(assignableTypes = {PreOrderController.class, CompleteController.class})
class HooksExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HooksExceptionHandler.class);

    private final MeterRegistry meters;

    HooksExceptionHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler
    ResponseEntity<HookResponse> invalidInput(InvalidInputException e, HandlerMethod handler,
            HttpServletRequest request) {
        log.debug("Input invalid: {}", e.getMessage());
        return envelope(handler, ErrorText.INPUT_INVALID, request);
    }

    @ExceptionHandler
    ResponseEntity<HookResponse> redisUnavailable(DataAccessException e, HandlerMethod handler,
            HttpServletRequest request) {
        meters.counter("ivr.redis.errors").increment();
        Throwable cause = e.getMostSpecificCause();
        log.warn("Redis unavailable: {}: {}", cause.getClass().getSimpleName(), cause.getMessage());
        return envelope(handler, ErrorText.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler
    ResponseEntity<HookResponse> replicasBehind(ReplicasNotAcknowledgedException e, HandlerMethod handler,
            HttpServletRequest request) {
        log.warn("Answering 'Service unavailable' so the vendor retries: {}", e.getMessage());
        return envelope(handler, ErrorText.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler
    ResponseEntity<HookResponse> unexpected(Exception e, HandlerMethod handler, HttpServletRequest request) {
        log.error("Unexpected failure in {}: {}: {}", handler.getShortLogMessage(), e.getClass().getName(),
                e.getMessage());
        return envelope(handler, ErrorText.SERVICE_UNAVAILABLE, request);
    }

    private static ResponseEntity<HookResponse> envelope(HandlerMethod handler, ErrorText error,
            HttpServletRequest request) {
        return ((Hook) handler.getBean()).failure(error).asJson(request);
    }
}
