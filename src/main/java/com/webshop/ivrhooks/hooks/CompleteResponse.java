package com.webshop.ivrhooks.hooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.webshop.ivrhooks.ErrorText;

record CompleteResponse(@JsonProperty("orderResultResponse") OrderResultResponse orderResultResponse)
        implements HookResponse {

    static final CompleteResponse SUCCESS = new CompleteResponse(new OrderResultResponse(Result.SUCCESS));

    static CompleteResponse failure(ErrorText error) {
        return new CompleteResponse(new OrderResultResponse(Result.failure(error)));
    }

    @Override
    @JsonIgnore
    public Result result() {
        return orderResultResponse.result();
    }

    record OrderResultResponse(@JsonProperty("result") Result result) {}
}
