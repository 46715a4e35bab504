package com.webshop.ivrhooks.preorder;

/**
 * One read of an order's slot: the reference number that paid it (null if unpaid), the session id
 * from the order index (null if the checkout has none), and whether the transaction's stream entry
 * is written (or being written). The first half of {@link PreOrderService#check}.
 */
public record OrderLookup(String orderNumber, String paidReference, String sessionId, boolean published) {

    /** For an order number that is not looked up because it is blank. */
    static OrderLookup notRead(String orderNumber) {
        return new OrderLookup(orderNumber, null, null, false);
    }
}
