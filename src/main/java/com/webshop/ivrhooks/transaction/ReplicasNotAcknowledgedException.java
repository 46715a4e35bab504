package com.webshop.ivrhooks.transaction;

/**
 * The transaction is recorded on the Redis primary, but fewer replicas than configured confirmed it
 * in time. The vendor is told "Service unavailable"; its retry is a replay, which answers success.
 */
public class ReplicasNotAcknowledgedException extends RuntimeException {

    ReplicasNotAcknowledgedException(String message) {
        super(message, null, false, false);
    }
}
