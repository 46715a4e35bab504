package com.webshop.ivrhooks.hooks;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes the envelopes with writers resolved once, and sends each as one buffer with its
 * Content-Length. Spring's Jackson converter resolved the type and built a writer on every call,
 * and streamed the answer in chunks. Spring Boot puts converter beans ahead of its own.
 */
@Component
class HookResponseConverter extends AbstractHttpMessageConverter<HookResponse> {

    private final ObjectWriter preOrder;
    private final ObjectWriter complete;

    HookResponseConverter(ObjectMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.preOrder = json.writerFor(PreOrderResponse.class);
        this.complete = json.writerFor(CompleteResponse.class);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return HookResponse.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected HookResponse readInternal(Class<? extends HookResponse> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("envelopes are answers, never read", input);
    }

    @Override
    protected void writeInternal(HookResponse response, HttpOutputMessage output) throws IOException {
        byte[] body = switch (response) {
            case PreOrderResponse preOrderResponse -> preOrder.writeValueAsBytes(preOrderResponse);
            case CompleteResponse completeResponse -> complete.writeValueAsBytes(completeResponse);
        };
        output.getHeaders().setContentLength(body.length);
        output.getBody().write(body);
    }
}
