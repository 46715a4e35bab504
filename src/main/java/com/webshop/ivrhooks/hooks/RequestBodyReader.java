package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import com.webshop.ivrhooks.config.JsonTokens;
import com.webshop.ivrhooks.config.JsonTokens.Unusual;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a hook's body as one JSON object, whatever Content-Type it came with, and reads no more than
 * the configured limit into memory. The object is read off the token stream by the request's own
 * reader; the mapper's parser refuses duplicate names, as it did when bodies were read as trees.
 */
@Component
class RequestBodyReader {

    /** Enough for any real hook call; InputStream.readNBytes would allocate 16 KiB per call. */
    private static final int INITIAL_BUFFER = 1024;

    private final ObjectMapper json;
    private final int maxBytes;

    RequestBodyReader(ObjectMapper json, IvrProperties properties) {
        this.json = json;
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    /**
     * @param declaredLength the Content-Length, or -1 where there is none: a buffer of that size
     *     (and one byte for the end) holds the body, otherwise it starts at 1 KiB and grows
     * @param fields reads the object's fields, with the parser on its start
     */
    <T> T read(InputStream body, long declaredLength, Function<JsonParser, T> fields) {
        Body read = body(body, declaredLength);
        return parsed(read, fields);
    }

    /**
     * As {@link #read(InputStream, long, Function)}, reading a body written the usual way with
     * {@code usual} off {@link JsonTokens}: a Jackson parser cost more to set up than the rest of
     * reading the body. A body {@code usual} finds {@link Unusual} is read with {@code fields}.
     */
    <T> T read(InputStream body, long declaredLength, Function<JsonTokens, T> usual, Function<JsonParser, T> fields) {
        Body read = body(body, declaredLength);
        try {
            JsonTokens tokens = new JsonTokens(read.buffer(), read.length());
            if (tokens.nextToken() == JsonToken.START_OBJECT) {
                T request = usual.apply(tokens);
                if (tokens.nextToken() == null) {
                    return request;
                }
            }
        } catch (Unusual e) {
            // for Jackson, whose answer it is
        }
        return parsed(read, fields);
    }

    private record Body(byte[] buffer, int length) {}

    private Body body(InputStream body, long declaredLength) {
        int capacity = declaredLength >= 0 && declaredLength <= maxBytes ? (int) declaredLength + 1 : INITIAL_BUFFER;
        byte[] buffer = new byte[Math.min(capacity, maxBytes + 1)];
        int length = 0;
        try {
            int read;
            while (length <= maxBytes) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes + 1));
                }
                if ((read = body.read(buffer, length, buffer.length - length)) < 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw new InvalidInputException("body could not be read");
        }
        if (length > maxBytes) {
            throw new InvalidInputException("body larger than " + maxBytes + " bytes");
        }
        return new Body(buffer, length);
    }

    private <T> T parsed(Body body, Function<JsonParser, T> fields) {
        try (JsonParser parser = json.createParser(body.buffer(), 0, body.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("body is not a JSON object");
            }
            T request = fields.apply(parser);
            if (parser.nextToken() != null) {
                throw new InvalidInputException("body has more after its object");
            }
            return request;
        } catch (JacksonException e) {
            throw new InvalidInputException("body is not valid JSON");
        }
    }
}
