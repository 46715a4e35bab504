package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.JsonTokens;
import com.webshop.ivrhooks.config.JsonTokens.Names;
import com.webshop.ivrhooks.config.JsonTokens.Unusual;
import com.webshop.ivrhooks.preorder.Session.Basket;
import com.webshop.ivrhooks.preorder.Session.Item;
import com.webshop.ivrhooks.preorder.Session.PaymentOption;
import com.webshop.ivrhooks.preorder.Session.PreOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the checkout's session document. A document written the way the data contract shows it
 * (strings, integers, numbers and nulls where the contract puts them) is read straight off its
 * tokens ({@link JsonTokens}), which costs a fraction of databind's record creators. Any other
 * document, corrupt or merely unusual, is read by databind, so its coercions (a quantity sent as
 * {@code "2"}, say) and its errors stay exactly databind's. {@code SessionReaderTest} holds the two
 * readers to the same answers.
 */
final class SessionReader {

    private static final Names SESSION = new Names("orderNumber", "currency", "paymentOption", "basket", "preOrder");
    private static final Names PAYMENT_OPTION = new Names("id", "name", "paymentType");
    private static final Names PRE_ORDER = new Names("basket", "totalAmount");
    private static final Names BASKET = new Names("items", "totalAmount");
    private static final Names ITEM = new Names("sku", "name", "quantity", "totalPrice", "discountedTotalPrice");

    private final ObjectReader databind;

    SessionReader(ObjectMapper json) {
        this.databind = json.readerFor(Session.class);
    }

    /** @return the session, or null for a document that is JSON {@code null} */
    Session read(byte[] document) throws JacksonException {
        Session session = streamed(document);
        return session != null ? session : databind.readValue(document);
    }

    /** The session read off the document's tokens, or null when the document is for databind to read. */
    Session streamed(byte[] document) {
        JsonTokens tokens = new JsonTokens(document);
        try {
            if (tokens.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Session session = session(tokens);
            return tokens.nextToken() == null ? session : null;
        } catch (Unusual e) {
            return null;
        }
    }

    private static Session session(JsonTokens tokens) {
        String orderNumber = null;
        String currency = null;
        PaymentOption paymentOption = null;
        Basket live = null;
        PreOrder preOrder = null;
        Baskets baskets = new Baskets();
        for (String name = tokens.nextName(SESSION); name != null; name = tokens.nextName(SESSION)) {
            JsonToken token = tokens.nextToken();
            switch (name) {
                case "orderNumber" -> orderNumber = string(tokens, token);
                case "currency" -> currency = string(tokens, token);
                case "paymentOption" -> paymentOption = object(tokens, token, SessionReader::paymentOption);
                case "basket" -> live = baskets.read(tokens, token);
                case "preOrder" -> preOrder = object(tokens, token, inner -> preOrder(inner, baskets));
                default -> tokens.skipChildren();
            }
        }
        return new Session(orderNumber, currency, paymentOption, live, preOrder);
    }

    /**
     * The live basket and the pre-order's snapshot of it. Where the checkout has not touched the live
     * one, the two are written as the same bytes, and the same bytes read the same: the second is
     * then the first, without a read of its own.
     */
    private static final class Baskets {

        private Basket first;
        private int firstStart = -1;
        private int firstEnd;

        Basket read(JsonTokens tokens, JsonToken token) {
            if (token == JsonToken.START_OBJECT && firstStart >= 0 && tokens.skipIfSameAs(firstStart, firstEnd)) {
                return first;
            }
            int start = tokens.valueStart();
            Basket basket = object(tokens, token, SessionReader::basket);
            if (token == JsonToken.START_OBJECT && firstStart < 0) {
                first = basket;
                firstStart = start;
                firstEnd = tokens.position();
            }
            return basket;
        }
    }

    private static PaymentOption paymentOption(JsonTokens tokens) {
        String id = null;
        String name = null;
        String paymentType = null;
        for (String field = tokens.nextName(PAYMENT_OPTION); field != null; field = tokens.nextName(PAYMENT_OPTION)) {
            JsonToken token = tokens.nextToken();
            switch (field) {
                case "id" -> id = string(tokens, token);
                case "name" -> name = string(tokens, token);
                case "paymentType" -> paymentType = string(tokens, token);
                default -> tokens.skipChildren();
            }
        }
        return new PaymentOption(id, name, paymentType);
    }

    private static PreOrder preOrder(JsonTokens tokens, Baskets baskets) {
        Basket snapshot = null;
        BigDecimal totalAmount = null;
        for (String name = tokens.nextName(PRE_ORDER); name != null; name = tokens.nextName(PRE_ORDER)) {
            JsonToken token = tokens.nextToken();
            switch (name) {
                case "basket" -> snapshot = baskets.read(tokens, token);
                case "totalAmount" -> totalAmount = amount(tokens, token);
                default -> tokens.skipChildren();
            }
        }
        return new PreOrder(snapshot, totalAmount);
    }

    private static Basket basket(JsonTokens tokens) {
        List<Item> items = null;
        BigDecimal totalAmount = null;
        for (String name = tokens.nextName(BASKET); name != null; name = tokens.nextName(BASKET)) {
            JsonToken token = tokens.nextToken();
            switch (name) {
                case "items" -> items = items(tokens, token);
                case "totalAmount" -> totalAmount = amount(tokens, token);
                default -> tokens.skipChildren();
            }
        }
        return new Basket(items, totalAmount);
    }

    private static List<Item> items(JsonTokens tokens, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE;
        }
        List<Item> items = new ArrayList<>();
        for (JsonToken element = tokens.nextToken(); element != JsonToken.END_ARRAY; element = tokens.nextToken()) {
            items.add(object(tokens, element, SessionReader::item));
        }
        return items;
    }

    private static Item item(JsonTokens tokens) {
        String sku = null;
        String name = null;
        Integer quantity = null;
        BigDecimal totalPrice = null;
        BigDecimal discountedTotalPrice = null;
        for (String field = tokens.nextName(ITEM); field != null; field = tokens.nextName(ITEM)) {
            JsonToken token = tokens.nextToken();
            switch (field) {
                case "sku" -> sku = string(tokens, token);
                case "name" -> name = string(tokens, token);
                case "quantity" -> quantity = quantity(tokens, token);
                case "totalPrice" -> totalPrice = amount(tokens, token);
                case "discountedTotalPrice" -> discountedTotalPrice = amount(tokens, token);
                default -> tokens.skipChildren();
            }
        }
        return new Item(sku, name, quantity, totalPrice, discountedTotalPrice);
    }

    private static <T> T object(JsonTokens tokens, JsonToken token, Function<JsonTokens, T> reader) {
        return switch (token) {
            case VALUE_NULL -> null;
            case START_OBJECT -> reader.apply(tokens);
            default -> throw Unusual.INSTANCE;
        };
    }

    /** A string; an integer as its text, as the contract's {@code "id": 12} is read. */
    private static String string(JsonTokens tokens, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT -> tokens.getString();
            default -> throw Unusual.INSTANCE;
        };
    }

    private static Integer quantity(JsonTokens tokens, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!tokens.isInt()) {
            throw Unusual.INSTANCE;
        }
        return tokens.getIntValue();
    }

    private static BigDecimal amount(JsonTokens tokens, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> tokens.getDecimalValue();
            default -> throw Unusual.INSTANCE;
        };
    }
}
