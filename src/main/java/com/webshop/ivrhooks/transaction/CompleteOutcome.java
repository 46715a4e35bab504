package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.ErrorText;

/** How a reported payment ended. */
public sealed interface CompleteOutcome {

    /** The payment is recorded: just now, or by an earlier call with the same reference number. */
    record Accepted(boolean replay) implements CompleteOutcome {}

    /** Refused, and appended to the rejection stream for reconciliation. */
    record Rejected(ErrorText error) implements CompleteOutcome {}
}
