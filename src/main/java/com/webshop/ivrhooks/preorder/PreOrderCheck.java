package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.ErrorText;

/** What the pre-order checks found for an order number. */
public sealed interface PreOrderCheck {

    /**
     * A transaction is already recorded for the order, with this reference number; {@code published}
     * tells whether its stream entry is written or being written.
     */
    record Paid(String referenceNumber, boolean published) implements PreOrderCheck {}

    record Rejected(ErrorText error) implements PreOrderCheck {}

    /** Every check passed: the pre-order may be read out and paid. */
    record Valid(String sessionId, Session session) implements PreOrderCheck {}
}
