package com.webshop.ivrhooks.hooks;

/** The request is not the documented shape; answered with "Input invalid". */
class InvalidInputException extends RuntimeException {

    InvalidInputException(String reason) {
        super(reason, null, false, false);
    }
}
