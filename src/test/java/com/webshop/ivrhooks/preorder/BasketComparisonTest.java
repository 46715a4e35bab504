package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.preorder.Session.Basket;
import com.webshop.ivrhooks.preorder.Session.Item;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasketComparisonTest {

    private static Item item(String sku, int quantity, String total, String discounted) {
        return new Item(sku, sku + " name", quantity, new BigDecimal(total), new BigDecimal(discounted));
    }

    private static Basket basket(String total, Item... items) {
        return new Basket(List.of(items), new BigDecimal(total));
    }

    private static final Basket SNAPSHOT = basket("20.00",
            item("A", 1, "10.00", "9.00"), item("B", 1, "11.00", "11.00"), item("A", 1, "10.00", "9.00"));

    @Test
    void shouldTreatTheSameLinesInAnotherOrderAsUnchanged() {
        Basket live = basket("20", item("B", 1, "11", "11.0"), item("A", 1, "10.000", "9"), item("A", 1, "10", "9"));

        assertThat(BasketComparison.changed(live, SNAPSHOT)).isFalse();
    }

    @Test
    void shouldTreatTheSameLinesInTheSameOrderAsUnchangedWhateverTheirScale() {
        Basket live = basket("20.000", item("A", 1, "10", "9.0"), item("B", 1, "11.00", "11"),
                item("A", 1, "10.0", "9"));

        assertThat(BasketComparison.changed(live, SNAPSHOT)).isFalse();
    }

    @Test
    void shouldSeeAnyLineChangedInPlace() {
        Item a = item("A", 1, "10.00", "9.00");
        Item b = item("B", 1, "11.00", "11.00");
        List<Basket> changed = List.of(
                basket("20.00", item("A", 2, "10.00", "9.00"), b, a),
                basket("20.00", a, item("C", 1, "11.00", "11.00"), a),
                basket("20.00", a, b, item("A", 1, "10.01", "9.00")),
                basket("20.00", a, b),
                new Basket(Arrays.asList(a, null, a), new BigDecimal("20.00")),
                basket("20.00", a, new Item("B", "B name", 1, new BigDecimal("11.00"), null), a));

        for (Basket live : changed) {
            assertThat(BasketComparison.changed(live, SNAPSHOT)).as(live.toString()).isTrue();
        }
    }

    @Test
    void shouldCountRepeatedLines() {
        Basket live = basket("20.00", item("A", 1, "10.00", "9.00"), item("B", 1, "11.00", "11.00"),
                item("B", 1, "11.00", "11.00"));

        assertThat(BasketComparison.changed(live, SNAPSHOT)).isTrue();
    }

    @Test
    void shouldSeeAChangedDiscount() {
        Basket live = basket("20.00", item("A", 1, "10.00", "9.00"), item("B", 1, "11.00", "10.99"),
                item("A", 1, "10.00", "9.00"));

        assertThat(BasketComparison.changed(live, SNAPSHOT)).isTrue();
    }

    @Test
    void shouldSeeAChangedTotalOrAMissingBasket() {
        Basket live = basket("20.01", item("A", 1, "10.00", "9.00"), item("B", 1, "11.00", "11.00"),
                item("A", 1, "10.00", "9.00"));

        assertThat(BasketComparison.changed(live, SNAPSHOT)).isTrue();
        assertThat(BasketComparison.changed(null, SNAPSHOT)).isTrue();
        assertThat(BasketComparison.changed(new Basket(null, new BigDecimal("20.00")), SNAPSHOT)).isTrue();
        assertThat(BasketComparison.changed(new Basket(SNAPSHOT.items(), null), SNAPSHOT)).isTrue();
    }
}
