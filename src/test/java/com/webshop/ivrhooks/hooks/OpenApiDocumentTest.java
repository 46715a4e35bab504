package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.support.OpenApiContract;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends AbstractIntegrationTest {

    @Test
    void shouldServeTheDocumentTheTestsValidateAgainst() {
        String served = given().port(port).get("/openapi/ivr-hooks.yaml").then().statusCode(200)
                .extract().asString();

        assertThat(served).isEqualTo(OpenApiContract.DOCUMENT);
    }

    @Test
    void shouldDocumentEveryErrorText() {
        String document = OpenApiContract.DOCUMENT;

        for (ErrorText error : ErrorText.values()) {
            assertThat(document).as(error.name()).contains(error.text());
        }
    }
}
