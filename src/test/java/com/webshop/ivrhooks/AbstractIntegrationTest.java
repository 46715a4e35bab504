package com.webshop.ivrhooks;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.support.OpenApiContract;
import com.webshop.ivrhooks.support.RedisTestCluster;
import com.webshop.ivrhooks.support.RedisTestServer;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service on a random port against a real Redis, flushed before each test: a standalone
 * server, or a three-master cluster when {@code -Divr.test.redis=cluster}. Every response is
 * validated against the served OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ivr.username=" + AbstractIntegrationTest.USERNAME, "ivr.password=" + AbstractIntegrationTest.PASSWORD})
public abstract class AbstractIntegrationTest {

    /** The build runs the hook suites a second time against a Redis Cluster, with this property set. */
    protected static final boolean ON_CLUSTER = "cluster".equals(System.getProperty("ivr.test.redis"));

    protected static final String USERNAME = "ivr_test_user";
    protected static final String PASSWORD = "Canary-Pa55word-7f3a";
    protected static final String PRE_ORDER = "/hooks/ivr/pre_order/";
    protected static final String COMPLETE = "/hooks/ivr/complete/";

    protected static final OpenApiValidationFilter OPENAPI = OpenApiContract.RESPONSES;

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected RedisKeys keys;

    /**
     * Host and port rather than a URL, so that a test class with a Redis of its own can register
     * {@code spring.data.redis.url}, which takes precedence.
     */
    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        if (ON_CLUSTER) {
            registry.add("spring.data.redis.cluster.nodes", RedisTestCluster::nodes);
        } else {
            RedisTestServer.properties().forEach((name, value) -> registry.add(name, () -> value));
        }
    }

    /** The same Redis as a command-line argument, for another instance of the service. */
    protected static String redisArgument() {
        return ON_CLUSTER
                ? "--spring.data.redis.cluster.nodes=" + RedisTestCluster.nodes()
                : "--spring.data.redis.url=" + RedisTestServer.url();
    }

    @BeforeEach
    void flushRedis() {
        assertThat(((LettuceConnectionFactory) redis.getConnectionFactory()).isClusterAware())
                .as("running against Redis Cluster").isEqualTo(ON_CLUSTER);
        redis.execute(connection -> {
            connection.serverCommands().flushDb();
            return null;
        }, true);
    }

    protected RequestSpecification hook() {
        return given().port(port).filter(OPENAPI).contentType(ContentType.JSON);
    }

    protected ValidatableResponse post(String path, String body) {
        return hook().body(body).post(path).then().statusCode(200).contentType(ContentType.JSON);
    }

    protected ValidatableResponse preOrder(String orderNumber) {
        return post(PRE_ORDER, preOrderBody(orderNumber));
    }

    protected ValidatableResponse complete(String orderNumber, String referenceNumber) {
        return post(COMPLETE, completeBody(orderNumber, referenceNumber));
    }

    protected static String preOrderBody(String orderNumber) {
        return """
                {"username": "%s", "password": "%s", "orderNumber": "%s"}
                """.formatted(USERNAME, PASSWORD, orderNumber);
    }

    protected static String completeBody(String orderNumber, String referenceNumber) {
        return """
                {
                  "username": "%s",
                  "password": "%s",
                  "orderResultRequest": {
                    "orderNumber": "%s",
                    "referenceNumber": "%s",
                    "staffId": "STAFF-7",
                    "success": true
                  }
                }
                """.formatted(USERNAME, PASSWORD, orderNumber, referenceNumber);
    }

    /** Writes a pre-order the way the checkout does: the order index and the session document. */
    protected void seedPreOrder(String orderNumber, String sessionId, String sessionDocument) {
        redis.opsForValue().set(keys.session(sessionId), sessionDocument);
        redis.opsForValue().set(keys.order(orderNumber), sessionId);
    }

    /** SCRIPT FLUSH on every node, as after a restart or a failover: the hooks must load their scripts again. */
    protected void forgetScripts() {
        redis.execute((RedisCallback<String>) connection ->
                ((RedisScriptingAsyncCommands<?, ?>) connection.getNativeConnection()).scriptFlush()
                        .toCompletableFuture().join());
    }
}
