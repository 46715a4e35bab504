package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.preorder.Session.Basket;
import com.webshop.ivrhooks.preorder.Session.Item;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether the live basket still matches the pre-order snapshot: lines compare as a multiset
 * of (sku, quantity, totalPrice, discountedTotalPrice), amounts numerically.
 */
final class BasketComparison {

    private BasketComparison() {}

    static boolean changed(Basket live, Basket snapshot) {
        if (live == null || live.items() == null) {
            return true;
        }
        if (!sameAmount(live.totalAmount(), snapshot.totalAmount())) {
            return true;
        }
        return !sameLinesInOrder(live.items(), snapshot.items())
                && !lineCounts(live.items()).equals(lineCounts(snapshot.items()));
    }

    /** The usual case, an untouched basket, decided without building the multisets. */
    private static boolean sameLinesInOrder(List<Item> live, List<Item> snapshot) {
        if (live.size() != snapshot.size()) {
            return false;
        }
        for (int i = 0; i < live.size(); i++) {
            Item a = live.get(i);
            Item b = snapshot.get(i);
            if (a == null || b == null
                    || !Objects.equals(a.sku(), b.sku()) || !Objects.equals(a.quantity(), b.quantity())
                    || !sameOrBothNull(a.totalPrice(), b.totalPrice())
                    || !sameOrBothNull(a.discountedTotalPrice(), b.discountedTotalPrice())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameOrBothNull(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static Map<Line, Integer> lineCounts(List<Item> items) {
        Map<Line, Integer> counts = new HashMap<>();
        for (Item item : items) {
            counts.merge(Line.of(item), 1, Integer::sum);
        }
        return counts;
    }

    /** A basket line with amounts normalised so that 149.99 and 149.990 are the same line. */
    private record Line(String sku, Integer quantity, BigDecimal totalPrice, BigDecimal discountedTotalPrice) {

        static Line of(Item item) {
            if (item == null) {
                return new Line(null, null, null, null);
            }
            return new Line(item.sku(), item.quantity(), normalise(item.totalPrice()),
                    normalise(item.discountedTotalPrice()));
        }

        private static BigDecimal normalise(BigDecimal amount) {
            return amount == null ? null : amount.stripTrailingZeros();
        }
    }
}
