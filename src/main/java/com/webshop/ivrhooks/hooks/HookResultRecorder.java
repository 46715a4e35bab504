package com.webshop.ivrhooks.hooks;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Notes the envelope's result on the request, whether a hook or the exception handler made it (the
 * advice applies by the class whose method returned the body).
 */
@RestControllerAdvice(assignableTypes = {PreOrderController.class, CompleteController.class, HooksExceptionHandler.class})
class HookResultRecorder implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof HookResponse hookResponse && request instanceof ServletServerHttpRequest servlet) {
            servlet.getServletRequest().setAttribute(HookCall.RESULT, hookResponse.result());
        }
        return body;
    }
}
