package com.webshop.ivrhooks.transaction;

/** What the IVR vendor reports after taking a card payment for an order. */
public record PaymentReport(String orderNumber, String referenceNumber, String staffId, boolean success) {}
