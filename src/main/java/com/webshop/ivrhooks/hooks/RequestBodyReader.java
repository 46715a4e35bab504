package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a hook's body as a JSON object, whatever Content-Type it came with, and reads no more than
 * the configured limit into memory.
 */
@Component
class RequestBodyReader {

    private final ObjectMapper json;
    private final int maxBytes;

    RequestBodyReader(ObjectMapper json, IvrProperties properties) {
        this.json = json;
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    JsonNode readObject(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new InvalidInputException("body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("body larger than " + maxBytes + " bytes");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidInputException("body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body is not a JSON object");
        }
        return node;
    }
}
