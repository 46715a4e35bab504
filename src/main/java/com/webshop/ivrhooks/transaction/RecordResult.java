package com.webshop.ivrhooks.transaction;

/** The answers of the record script; the names are the strings the script returns. */
enum RecordResult {
    RECORDED,
    REPLAYED,
    ORDER_ALREADY_PAID,
    REFERENCE_ALREADY_USED
}
