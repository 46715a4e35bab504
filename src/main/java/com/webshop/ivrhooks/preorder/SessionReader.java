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
import java.util.Arrays;
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
            Session session = session(tokens, document);
            return tokens.nextToken() == null ? session : null;
        } catch (Unusual e) {
            return null;
        }
    }

    private static Session session(JsonTokens tokens, byte[] document) {
        String orderNumber = null;
        String currency = null;
        PaymentOption paymentOption = null;
        PreOrder preOrder = null;
        int[] live = null;
        int[] snapshot = new int[2];
        for (String name = tokens.nextName(SESSION); name != null; name = tokens.nextName(SESSION)) {
            JsonToken token = tokens.nextToken();
            switch (name) {
                case "orderNumber" -> orderNumber = string(tokens, token);
                case "currency" -> currency = string(tokens, token);
                case "paymentOption" -> paymentOption = object(tokens, token, SessionReader::paymentOption);
                case "basket" -> live = skipped(tokens);
                case "preOrder" -> preOrder = object(tokens, token, inner -> preOrder(inner, snapshot));
                default -> tokens.skipChildren();
            }
        }
        return new Session(orderNumber, currency, paymentOption, liveBasket(document, live, preOrder, snapshot),
                preOrder);
    }

    /**
     * Where the value the parser is on starts and ends, past it. It is skipped unchecked: {@link
     * #liveBasket} either finds it equal to the snapshot, which is read with every check, or reads it
     * again with them.
     */
    private static int[] skipped(JsonTokens tokens) {
        int start = tokens.valueStart();
        tokens.skipUnchecked();
        return new int[] {start, tokens.position()};
    }

    /**
     * The live basket. Where the checkout has not touched it, it is written exactly as the
     * pre-order's snapshot, and the same bytes read the same: the snapshot, already read, is it.
     */
    private static Basket liveBasket(byte[] document, int[] live, PreOrder preOrder, int[] snapshot) {
        if (live == null) {
            return null;
        }
        if (preOrder != null && snapshot[1] > 0
                && Arrays.equals(document, live[0], live[1], document, snapshot[0], snapshot[1])) {
            return preOrder.basket();
        }
        JsonTokens tokens = new JsonTokens(Arrays.copyOfRange(document, live[0], live[1]));
        Basket basket = object(tokens, tokens.nextToken(), SessionReader::basket);
        if (tokens.nextToken() != null) {
            throw Unusual.INSTANCE;
        }
        return basket;
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

    /** @param basket set to where the snapshot's basket starts and ends in the document */
    private static PreOrder preOrder(JsonTokens tokens, int[] basket) {
        Basket snapshot = null;
        BigDecimal totalAmount = null;
        for (String name = tokens.nextName(PRE_ORDER); name != null; name = tokens.nextName(PRE_ORDER)) {
            JsonToken token = tokens.nextToken();
            switch (name) {
                case "basket" -> {
                    basket[0] = tokens.valueStart();
                    snapshot = object(tokens, token, SessionReader::basket);
                    basket[1] = tokens.position();
                }
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
