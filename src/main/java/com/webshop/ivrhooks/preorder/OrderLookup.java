package com.webshop.ivrhooks.preorder;

/**
 * One read of an order's slot: the reference number that paid it (null if unpaid), the session id
 * from the order index (null if the checkout has none), and whether the transaction's stream entry
 * is written (or being written).
 */
record OrderLookup(String paidReference, String sessionId, boolean published) {}
