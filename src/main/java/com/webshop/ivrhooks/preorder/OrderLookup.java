package com.webshop.ivrhooks.preorder;

/**
 * One read of an order's slot: the reference number that paid it (null if unpaid), the session id
 * from the order index (null if the checkout has none), whether the transaction's stream entry is
 * written (or being written), and, for an unpaid order, the raw UTF-8 session document that the
 * index names (null if there is none). The first half of {@link PreOrderService#check}.
 */
public record OrderLookup(String orderNumber, String paidReference, String sessionId, boolean published,
        byte[] sessionDocument) {

    /** For an order number that is not looked up because it is blank. */
    static OrderLookup notRead(String orderNumber) {
        return new OrderLookup(orderNumber, null, null, false, null);
    }
}
