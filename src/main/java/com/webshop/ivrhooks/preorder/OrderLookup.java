package com.webshop.ivrhooks.preorder;

/**
 * One read of an order's slot: the reference number that paid it (null if unpaid) and the session
 * id from the order index (null if the checkout has none).
 */
record OrderLookup(String paidReference, String sessionId) {}
