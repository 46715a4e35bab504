package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.preorder.Session.Basket;
import com.webshop.ivrhooks.preorder.Session.Item;
import com.webshop.ivrhooks.preorder.Session.PaymentOption;
import com.webshop.ivrhooks.preorder.Session.PreOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the checkout's session document. A document written the way the data contract shows it
 * (strings, integers, numbers and nulls where the contract puts them) is read straight off the
 * token stream, which costs a fraction of databind's record creators. Any other document, corrupt
 * or merely unusual, is read by databind, so its coercions (a quantity sent as {@code "2"}, say)
 * and its errors stay exactly databind's. {@code SessionReaderTest} holds the two readers to the
 * same answers.
 */
final class SessionReader {

    private final ObjectMapper json;
    private final ObjectReader databind;

    SessionReader(ObjectMapper json) {
        this.json = json;
        this.databind = json.readerFor(Session.class);
    }

    /** @return the session, or null for a document that is JSON {@code null} */
    Session read(byte[] document) throws JacksonException {
        Session session = streamed(document);
        return session != null ? session : databind.readValue(document);
    }

    /** The session read off the token stream, or null when the document is for databind to read. */
    Session streamed(byte[] document) {
        // the mapper's parser, so duplicate names fail here just as they do in databind
        try (JsonParser parser = json.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Session session = session(parser);
            return parser.nextToken() == null ? session : null;
        } catch (Unusual | JacksonException e) {
            return null;
        }
    }

    private static Session session(JsonParser parser) {
        String orderNumber = null;
        String currency = null;
        PaymentOption paymentOption = null;
        Basket basket = null;
        PreOrder preOrder = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "orderNumber" -> orderNumber = string(parser, token);
                case "currency" -> currency = string(parser, token);
                case "paymentOption" -> paymentOption = object(parser, token, SessionReader::paymentOption);
                case "basket" -> basket = object(parser, token, SessionReader::basket);
                case "preOrder" -> preOrder = object(parser, token, SessionReader::preOrder);
                default -> parser.skipChildren();
            }
        }
        return new Session(orderNumber, currency, paymentOption, basket, preOrder);
    }

    private static PaymentOption paymentOption(JsonParser parser) {
        String id = null;
        String name = null;
        String paymentType = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "id" -> id = string(parser, token);
                case "name" -> name = string(parser, token);
                case "paymentType" -> paymentType = string(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new PaymentOption(id, name, paymentType);
    }

    private static PreOrder preOrder(JsonParser parser) {
        Basket basket = null;
        BigDecimal totalAmount = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "basket" -> basket = object(parser, token, SessionReader::basket);
                case "totalAmount" -> totalAmount = amount(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new PreOrder(basket, totalAmount);
    }

    private static Basket basket(JsonParser parser) {
        List<Item> items = null;
        BigDecimal totalAmount = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "items" -> items = items(parser, token);
                case "totalAmount" -> totalAmount = amount(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new Basket(items, totalAmount);
    }

    private static List<Item> items(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE;
        }
        List<Item> items = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            items.add(object(parser, element, SessionReader::item));
        }
        return items;
    }

    private static Item item(JsonParser parser) {
        String sku = null;
        String name = null;
        Integer quantity = null;
        BigDecimal totalPrice = null;
        BigDecimal discountedTotalPrice = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "sku" -> sku = string(parser, token);
                case "name" -> name = string(parser, token);
                case "quantity" -> quantity = quantity(parser, token);
                case "totalPrice" -> totalPrice = amount(parser, token);
                case "discountedTotalPrice" -> discountedTotalPrice = amount(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new Item(sku, name, quantity, totalPrice, discountedTotalPrice);
    }

    private static <T> T object(JsonParser parser, JsonToken token, Function<JsonParser, T> reader) {
        return switch (token) {
            case VALUE_NULL -> null;
            case START_OBJECT -> reader.apply(parser);
            default -> throw Unusual.INSTANCE;
        };
    }

    /** A string; an integer as its text, as the contract's {@code "id": 12} is read. */
    private static String string(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT -> parser.getString();
            default -> throw Unusual.INSTANCE;
        };
    }

    private static Integer quantity(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw Unusual.INSTANCE;
        }
        return parser.getIntValue();
    }

    private static BigDecimal amount(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            default -> throw Unusual.INSTANCE;
        };
    }

    /** Something the contract does not put there: databind decides what it means. */
    private static final class Unusual extends RuntimeException {

        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }
}
