package com.webshop.ivrhooks.support;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Session documents as the checkout writes them, per the data contract. */
public final class SessionDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SessionDocuments() {}

    /** ORD-2024-001234's kind of pre-order: two lines, 389.97 to pay. */
    public static String standard(String orderNumber) {
        return """
                {
                  "orderNumber": "%s",
                  "currency": "TRY",
                  "paymentOption": {"id": 12, "name": "Pay by phone", "paymentType": "cash_register"},
                  "basket": {
                    "items": [
                      {"sku": "SKU-1001", "name": "Wireless Mouse", "quantity": 2, "totalPrice": 259.98, "discountedTotalPrice": 239.98},
                      {"sku": "SKU-2002", "name": "USB-C Hub", "quantity": 1, "totalPrice": 149.99, "discountedTotalPrice": 149.99}
                    ],
                    "totalAmount": 389.97
                  },
                  "preOrder": {
                    "basket": {
                      "items": [
                        {"sku": "SKU-1001", "name": "Wireless Mouse", "quantity": 2, "totalPrice": 259.98, "discountedTotalPrice": 239.98},
                        {"sku": "SKU-2002", "name": "USB-C Hub", "quantity": 1, "totalPrice": 149.99, "discountedTotalPrice": 149.99}
                      ],
                      "totalAmount": 389.97
                    },
                    "totalAmount": 389.97
                  }
                }
                """.formatted(orderNumber);
    }

    /** The standard document as a tree, to change one thing in a test. */
    public static ObjectNode standardTree(String orderNumber) {
        return (ObjectNode) JSON.readTree(standard(orderNumber));
    }

    public static String write(ObjectNode document) {
        return JSON.writeValueAsString(document);
    }
}
