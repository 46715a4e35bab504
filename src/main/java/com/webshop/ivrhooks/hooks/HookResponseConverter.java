package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.config.Utf8Json;
import com.webshop.ivrhooks.config.Utf8Json.NotForHand;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes the envelopes and sends each as one buffer with its Content-Length. Spring's Jackson
 * converter resolved the type and built a writer on every call, and streamed the answer in chunks.
 * Spring Boot puts converter beans ahead of its own.
 *
 * <p>The pre_order answer is written by hand, in the order and with the names its records declare:
 * serializing the records was a twentieth of a pre_order's CPU in the benchmark's profile, and
 * setting up Jackson's generator for it still 2 to 3 %. A text with a surrogate (a character beyond
 * the Basic Multilingual Plane, or a broken one) or an amount of extreme scale is left to the
 * mapper's generator, whose settings then apply. The complete answers are a closed set, the success
 * and one failure per error text, so the mapper writes each once, at start. {@code
 * HookResponseConverterTest} holds every way of writing to the records' own serialization, byte for
 * byte.
 */
@Component
class HookResponseConverter extends AbstractHttpMessageConverter<HookResponse> {

    private static final SerializableString RESULT = new SerializedString("result");
    private static final SerializableString SUCCESS = new SerializedString("success");
    private static final SerializableString ERROR_TEXT = new SerializedString("errortext");
    private static final SerializableString PRODUCT_LIST = new SerializedString("productlist");
    private static final SerializableString PRODUCT_NUMBER = new SerializedString("productnumber");
    private static final SerializableString DISCOUNTED_PRICE = new SerializedString("discountedprice");
    private static final SerializableString REAL_PRICE = new SerializedString("realprice");
    private static final SerializableString QUANTITY = new SerializedString("quantity");
    private static final SerializableString PRODUCT_NAME = new SerializedString("productname");
    private static final SerializableString ORDER_PRICE = new SerializedString("orderprice");

    private final ObjectMapper json;
    private final ObjectWriter complete;
    private final Map<Result, byte[]> completeAnswers;

    HookResponseConverter(ObjectMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
        this.complete = json.writerFor(CompleteResponse.class);
        Map<Result, byte[]> answers = new HashMap<>();
        answers.put(Result.SUCCESS, complete.writeValueAsBytes(CompleteResponse.SUCCESS));
        for (ErrorText error : ErrorText.values()) {
            CompleteResponse failure = CompleteResponse.failure(error);
            answers.put(failure.result(), complete.writeValueAsBytes(failure));
        }
        this.completeAnswers = Map.copyOf(answers);
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
        writeTo(response, length -> {
            output.getHeaders().setContentLength(length);
            return output.getBody();
        });
    }

    /**
     * Sends a hook's answer straight to the servlet response, as JSON whatever the caller's Accept
     * header says, and notes its result on the request for the call's log line and timer. Spring's
     * handling of a returned entity (content negotiation, its Content-Disposition check, the entity's
     * headers copied over) cost the service about 8 % of its CPU per pre_order, side by side.
     */
    void send(HookResponse response, HttpServletRequest request, HttpServletResponse servletResponse)
            throws IOException {
        HookCall.ended(request, response.result());
        servletResponse.setContentType(MediaType.APPLICATION_JSON_VALUE);
        writeTo(response, length -> {
            servletResponse.setContentLength(length);
            return servletResponse.getOutputStream();
        });
    }

    /** Where an answer goes, once its length is known. */
    private interface Body {
        OutputStream open(int contentLength) throws IOException;
    }

    private void writeTo(HookResponse response, Body body) throws IOException {
        if (response instanceof PreOrderResponse preOrderResponse) {
            Utf8Json written = handWritten(preOrderResponse);
            if (written != null) {
                // straight from the buffer: a copy of it would only be garbage
                written.writeTo(body.open(written.size()));
                return;
            }
        }
        byte[] bytes = switch (response) {
            case PreOrderResponse preOrderResponse -> generated(preOrderResponse);
            case CompleteResponse completeResponse -> write(completeResponse);
        };
        body.open(bytes.length).write(bytes);
    }

    /** The pre_order answer's bytes, as {@link #send} and {@link #writeInternal} send them. */
    byte[] write(PreOrderResponse response) {
        Utf8Json written = handWritten(response);
        return written != null ? written.toByteArray() : generated(response);
    }

    /** The complete answer's bytes: written at start, or by the mapper for one outside the set. */
    byte[] write(CompleteResponse response) {
        byte[] written = completeAnswers.get(response.result());
        return written != null ? written : complete.writeValueAsBytes(response);
    }

    /** The answer written by hand, or null where it is left to the mapper's generator. */
    private static Utf8Json handWritten(PreOrderResponse response) {
        try {
            return written(response);
        } catch (NotForHand e) {
            return null;
        }
    }

    private static Utf8Json written(PreOrderResponse response) {
        Utf8Json out = new Utf8Json(128 + 192 * response.productList().size(), Utf8Json.Escapes.JACKSON);
        out.ascii("{\"result\":{\"success\":").ascii(response.result().success() ? "true" : "false")
                .ascii(",\"errortext\":").string(response.result().errorText())
                .ascii("},\"productlist\":[");
        List<PreOrderResponse.Product> products = response.productList();
        for (int i = 0; i < products.size(); i++) {
            PreOrderResponse.Product product = products.get(i);
            out.ascii(i == 0 ? "{\"productnumber\":" : ",{\"productnumber\":").string(product.productNumber())
                    .ascii(",\"discountedprice\":");
            number(out, product.discountedPrice()).ascii(",\"realprice\":");
            number(out, product.realPrice()).ascii(",\"quantity\":").ascii(Integer.toString(product.quantity()))
                    .ascii(",\"productname\":").string(product.productName())
                    .ascii("}");
        }
        out.ascii("],\"orderprice\":");
        return number(out, response.orderPrice()).ascii("}");
    }

    /** An amount as the mapper writes it, plain. */
    private static Utf8Json number(Utf8Json out, BigDecimal amount) {
        if (amount == null) {
            return out.ascii("null");
        }
        if (amount.scale() > 9_999 || amount.scale() < -9_999) {
            // the generator refuses such an amount, with its own exception
            throw NotForHand.INSTANCE;
        }
        return out.plain(amount);
    }

    private byte[] generated(PreOrderResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 + 128 * response.productList().size());
        // the mapper's generator, so its settings (plain BigDecimals) apply as they do for databind
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeName(RESULT);
            out.writeStartObject();
            out.writeName(SUCCESS);
            out.writeBoolean(response.result().success());
            out.writeName(ERROR_TEXT);
            out.writeString(response.result().errorText());
            out.writeEndObject();
            out.writeName(PRODUCT_LIST);
            out.writeStartArray();
            for (PreOrderResponse.Product product : response.productList()) {
                out.writeStartObject();
                out.writeName(PRODUCT_NUMBER);
                out.writeString(product.productNumber());
                out.writeName(DISCOUNTED_PRICE);
                out.writeNumber(product.discountedPrice());
                out.writeName(REAL_PRICE);
                out.writeNumber(product.realPrice());
                out.writeName(QUANTITY);
                out.writeNumber(product.quantity());
                out.writeName(PRODUCT_NAME);
                out.writeString(product.productName());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeName(ORDER_PRICE);
            out.writeNumber(response.orderPrice());
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
