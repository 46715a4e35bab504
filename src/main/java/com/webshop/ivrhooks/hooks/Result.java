package com.webshop.ivrhooks.hooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.webshop.ivrhooks.ErrorText;

/** The outcome part of both envelopes: success, or the documented error text. */
@JsonPropertyOrder({"success", "errortext"})
record Result(@JsonProperty("success") boolean success, @JsonProperty("errortext") String errorText) {

    static final Result SUCCESS = new Result(true, "");

    static Result failure(ErrorText error) {
        return new Result(false, error.text());
    }
}
