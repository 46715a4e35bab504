package com.webshop.ivrhooks.preorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The checkout's session document, as stored under {@code ivr:session:{sessionId}}. Fields we do
 * not know are ignored so the checkout can add to it freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        String orderNumber,
        String currency,
        PaymentOption paymentOption,
        Basket basket,
        PreOrder preOrder) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentOption(String id, String name, String paymentType) {}

    /** {@code basket} is the live basket; {@code preOrder.basket} the snapshot taken with the pre-order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Basket(List<Item> items, BigDecimal totalAmount) {}

    /** {@code totalAmount} is what the customer pays. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PreOrder(Basket basket, BigDecimal totalAmount) {

        /** Whether the snapshot has everything the IVR reads out and the transaction records. */
        boolean isWellFormed() {
            if (!isAmount(totalAmount) || basket == null || basket.items() == null) {
                return false;
            }
            for (Item item : basket.items()) {
                if (!Item.isWellFormed(item)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code totalPrice} and {@code discountedTotalPrice} are line totals before and after discounts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String sku, String name, Integer quantity, BigDecimal totalPrice, BigDecimal discountedTotalPrice) {

        static boolean isWellFormed(Item item) {
            return item != null && item.sku() != null && item.name() != null
                    && item.quantity() != null && item.quantity() > 0
                    && isAmount(item.totalPrice()) && isAmount(item.discountedTotalPrice());
        }
    }

    /** Non-negative, at most 15 integer digits and 10 decimals: anything else is a corrupt document. */
    private static boolean isAmount(BigDecimal amount) {
        return amount != null && amount.signum() >= 0
                && amount.scale() <= 10 && amount.precision() - amount.scale() <= 15;
    }
}
