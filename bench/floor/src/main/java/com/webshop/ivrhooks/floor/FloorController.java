package com.webshop.ivrhooks.floor;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The benchmark's floor (bench/run.sh runs it beside the service): the same hooks on the same HTTP
 * framework, set up as the service sets it up (FloorApplication, application.yml), reading each
 * body and writing each answer itself as the service's hooks do, sending exactly the service's
 * Redis commands per call in the same order over the same shared Lettuce connection, and doing
 * nothing else: no checks, no JSON library, no logging, no metrics. What the service's own code
 * would cost if it were free; the gap to the service is its overhead.
 */
@RestController
class FloorController {

    private static final RedisScript<?> LOOKUP = load("order-lookup.lua");
    private static final RedisScript<?> RECORD = load("record-transaction.lua");

    private static final byte[] PRE_ORDER_ANSWER = ("{\"result\":{\"success\":true,\"errortext\":\"\"},\"productlist\":["
            + "{\"productnumber\":\"SKU-0\",\"discountedprice\":9.50,\"realprice\":10.00,\"quantity\":1,\"productname\":\"Product 0\"},"
            + "{\"productnumber\":\"SKU-1\",\"discountedprice\":9.50,\"realprice\":10.00,\"quantity\":1,\"productname\":\"Product 1\"}],"
            + "\"orderprice\":19.00}").getBytes(UTF_8);
    private static final byte[] COMPLETE_ANSWER =
            "{\"orderResultResponse\":{\"result\":{\"success\":true,\"errortext\":\"\"}}}".getBytes(UTF_8);

    private final StringRedisTemplate redis;

    FloorController(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @PostMapping({"/hooks/ivr/pre_order/", "/hooks/ivr/pre_order"})
    void preOrder(InputStream body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        lookup(request, field(new String(read(body, request), UTF_8), "orderNumber"));
        answer(response, PRE_ORDER_ANSWER);
    }

    @PostMapping({"/hooks/ivr/complete/", "/hooks/ivr/complete"})
    void complete(InputStream body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json = new String(read(body, request), UTF_8);
        String order = field(json, "orderNumber");
        String reference = field(json, "referenceNumber");
        String sessionId = lookup(request, order);
        call(commands -> script(commands, RECORD, ScriptOutputType.VALUE,
                bytes("ivr:txn:{" + order + "}", "ivr:ref:{" + reference + "}", "ivr:transactions",
                        "ivr:published:{" + order + "}"),
                bytes("30000", "referenceNumber", reference, "orderNumber", order, "staffId", field(json, "staffId"),
                        "amount", "19.00", "currency", "TRY", "paymentOptionId", "12", "sessionId", sessionId,
                        "createdAt", Instant.now().toString())));
        answer(response, COMPLETE_ANSWER);
    }

    /**
     * The service's reads, awaited once: the throttle counter and the order lookup sent together, and
     * the session document sent from the event loop as soon as the lookup's answer names it. Returns
     * the session id.
     */
    private String lookup(HttpServletRequest request, String order) {
        byte[] throttle = ("ivr:throttle:{" + request.getRemoteAddr() + "}").getBytes(UTF_8);
        CompletableFuture<byte[]> failures = send(commands -> commands.get(throttle));
        String sessionId = call(commands -> FloorController.<List<byte[]>>script(commands, LOOKUP,
                ScriptOutputType.MULTI,
                bytes("ivr:txn:{" + order + "}", "ivr:order:{" + order + "}", "ivr:published:{" + order + "}"))
                .thenCompose(found -> {
                    String id = new String(found.get(1), UTF_8);
                    return commands.get(("ivr:session:{" + id + "}").getBytes(UTF_8)).thenApply(document -> id);
                }));
        failures.join();
        return sessionId;
    }

    /** As the service sends its hooks' commands: on the shared connection, waiting without a timer. */
    private <T> T call(Function<RedisClusterAsyncCommands<byte[], byte[]>, ? extends CompletionStage<T>> command) {
        return send(command).join();
    }

    private <T> CompletableFuture<T> send(
            Function<RedisClusterAsyncCommands<byte[], byte[]>, ? extends CompletionStage<T>> command) {
        return redis.execute((RedisCallback<CompletableFuture<T>>) connection -> {
            @SuppressWarnings("unchecked")
            var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            return command.apply(commands).toCompletableFuture();
        }, true);
    }

    private static <T> CompletionStage<T> script(RedisClusterAsyncCommands<byte[], byte[]> commands,
            RedisScript<?> script, ScriptOutputType type, byte[][] keys, byte[]... arguments) {
        return commands.<T>evalsha(script.getSha1(), type, keys, arguments).exceptionallyCompose(e ->
                commands.<T>eval(script.getScriptAsString(), type, keys, arguments));
    }

    private static byte[][] bytes(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(UTF_8);
        }
        return bytes;
    }

    /** Read once, as the service does: a resource-backed script checks the file on every call. */
    private static RedisScript<?> load(String name) {
        try (InputStream in = FloorController.class.getResourceAsStream("/scripts/" + name)) {
            return RedisScript.of(new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code "name":"..."}, found by string search. */
    private static String field(String json, String name) {
        String marker = "\"" + name + "\":\"";
        int start = json.indexOf(marker) + marker.length();
        return json.substring(start, json.indexOf('"', start));
    }

    /**
     * As the service reads a body: one buffer of its Content-Length. {@code readAllBytes} alone took
     * a 16 KiB buffer per call, whose garbage made the floor's collections half as long again.
     */
    private static byte[] read(InputStream body, HttpServletRequest request) throws IOException {
        int length = request.getContentLength();
        return length >= 0 ? body.readNBytes(length) : body.readAllBytes();
    }

    /** As the service answers: straight to the servlet response, past Spring's converters. */
    private static void answer(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
