package com.webshop.ivrhooks.hooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.preorder.Session;
import java.math.BigDecimal;
import java.util.List;

@JsonPropertyOrder({"result", "productlist", "orderprice"})
record PreOrderResponse(
        @JsonProperty("result") Result result,
        @JsonProperty("productlist") List<Product> productList,
        @JsonProperty("orderprice") BigDecimal orderPrice) implements HookResponse {

    private static final BigDecimal NO_PRICE = new BigDecimal("0.0");

    static PreOrderResponse failure(ErrorText error) {
        return new PreOrderResponse(Result.failure(error), List.of(), NO_PRICE);
    }

    static PreOrderResponse of(Session.PreOrder preOrder) {
        List<Session.Item> items = preOrder.basket().items();
        // a loop, not a stream: a stream's pipeline objects were most of this method's garbage
        Product[] products = new Product[items.size()];
        for (int i = 0; i < products.length; i++) {
            products[i] = Product.of(items.get(i));
        }
        return new PreOrderResponse(Result.SUCCESS, List.of(products), preOrder.totalAmount());
    }

    /** A basket line as the IVR reads it out; prices are line totals. */
    @JsonPropertyOrder({"productnumber", "discountedprice", "realprice", "quantity", "productname"})
    record Product(
            @JsonProperty("productnumber") String productNumber,
            @JsonProperty("discountedprice") BigDecimal discountedPrice,
            @JsonProperty("realprice") BigDecimal realPrice,
            @JsonProperty("quantity") int quantity,
            @JsonProperty("productname") String productName) {

        static Product of(Session.Item item) {
            return new Product(item.sku(), item.discountedTotalPrice(), item.totalPrice(), item.quantity(),
                    item.name());
        }
    }
}
