package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.support.ApplicationJson;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the session reader's token-stream path against databind, with the mapper
 * the application configures: every document that the stream path reads must be read by databind
 * into an equal session, and every other document must still get databind's answer.
 */
class SessionReaderTest {

    private static final String PROBE = "__probe__";

    /** Every kind of JSON value, and the edges of the ones the contract uses. */
    private static final List<String> VALUES = List.of(
            "\"x\"", "\"\"", "\" \"", "\"12\"", "\"12.50\"", "\"1e2\"", "\"true\"", "\"null\"", "\"\\u00e7\\n\"",
            "12", "0", "-3", "007", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
            "12.50", "389.970", "1e2", "1E-3", "1.0", "-0.0", "0.1234567890123",
            "true", "false", "null",
            "{}", "{\"a\":1}", "{\"sku\":\"S\"}", "[]", "[\"x\"]", "[12]", "[null]", "[{}]", "[[]]");

    private static SessionReader reader;
    private static ObjectReader databind;

    @BeforeAll
    static void applicationMapper() {
        ObjectMapper json = ApplicationJson.mapper();
        reader = new SessionReader(json);
        databind = json.readerFor(Session.class);
    }

    @Test
    void shouldStreamTheContractsDocument() {
        byte[] document = bytes(SessionDocuments.standard("ORD-1"));

        Session session = reader.streamed(document);

        assertThat(session).isNotNull().isEqualTo(databind.readValue(document));
        assertThat(session.paymentOption().id()).isEqualTo("12");
        assertThat(session.preOrder().totalAmount()).hasToString("389.97");
    }

    @Test
    void shouldTakeTheSnapshotForALiveBasketWrittenByteForByteAsIt() {
        byte[] document = bytes(SessionDocuments.write(SessionDocuments.standardTree("ORD-1")));

        Session session = reader.streamed(document);

        assertThat(session).isEqualTo(databind.readValue(document));
        assertThat(session.basket()).isSameAs(session.preOrder().basket());
    }

    @Test
    void shouldReadTheLiveBasketOnItsOwnWhereItIsNotWrittenAsTheSnapshot() {
        ObjectNode changed = SessionDocuments.standardTree("ORD-1");
        ((ObjectNode) changed.get("basket").get("items").get(0)).put("quantity", 7);
        ObjectNode last = SessionDocuments.standardTree("ORD-1");
        last.set("basket", last.remove("basket"));
        String compact = SessionDocuments.write(SessionDocuments.standardTree("ORD-1"));
        List<String> documents = List.of(
                SessionDocuments.write(changed),
                SessionDocuments.write(last),
                compact.replaceFirst("\\{\"items\"", "{ \"items\""),
                SessionDocuments.standard("ORD-1"));

        assertThat(compareAll(documents)).as("documents read off the token stream").isEqualTo(documents.size());
        Session session = reader.streamed(bytes(documents.get(0)));
        assertThat(session.basket().items().get(0).quantity()).isEqualTo(7);
        assertThat(session.preOrder().basket().items().get(0).quantity()).isEqualTo(2);
        Session basketLast = reader.streamed(bytes(documents.get(1)));
        assertThat(basketLast.basket()).isSameAs(basketLast.preOrder().basket());
        Session spaced = reader.streamed(bytes(documents.get(2)));
        assertThat(spaced.basket()).isNotSameAs(spaced.preOrder().basket()).isEqualTo(spaced.preOrder().basket());
    }

    @Test
    void shouldCompareTheSecondBasketWithTheFirstWhicheverComesFirst() {
        ObjectNode changedLast = SessionDocuments.standardTree("ORD-1");
        ((ObjectNode) changedLast.get("basket").get("items").get(0)).put("quantity", 7);
        changedLast.set("basket", changedLast.remove("basket"));
        String compact = SessionDocuments.write(SessionDocuments.standardTree("ORD-1"));
        String snapshot = compact.substring(compact.indexOf("\"basket\":") + 9, compact.indexOf(",\"preOrder\""));
        String shorter = snapshot.substring(0, snapshot.lastIndexOf(",\"totalAmount\"")) + "}";
        List<String> documents = List.of(
                SessionDocuments.write(changedLast),
                // the live basket is the snapshot's first bytes, or the snapshot's bytes and more
                compact.replaceFirst("\"basket\":" + Pattern.quote(snapshot), "\"basket\":" + Matcher.quoteReplacement(shorter)),
                compact.replaceFirst("\"basket\":" + Pattern.quote(snapshot),
                        "\"basket\":" + Matcher.quoteReplacement(snapshot.substring(0, snapshot.length() - 1) + ",\"x\":1}")));

        assertThat(compareAll(documents)).as("documents read off the token stream").isEqualTo(documents.size());
        Session session = reader.streamed(bytes(documents.get(0)));
        assertThat(session.basket().items().get(0).quantity()).isEqualTo(7);
        assertThat(session.preOrder().basket().items().get(0).quantity()).isEqualTo(2);
        for (String document : documents.subList(1, 3)) {
            Session different = reader.streamed(bytes(document));
            assertThat(different.basket()).as(document).isNotSameAs(different.preOrder().basket());
        }
    }

    @Test
    void shouldLeaveAnyByteAfterTheDocumentToDatabind() {
        byte[] standard = bytes(SessionDocuments.standard("ORD-1"));
        List<byte[]> documents = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            byte[] document = Arrays.copyOf(standard, standard.length + 2);
            document[standard.length] = (byte) b;
            document[standard.length + 1] = '\n';
            documents.add(document);
        }

        // only whitespace may follow: a 0xFF byte once passed for the document's end
        assertThat(compareAllBytes(documents)).as("documents read off the token stream").isEqualTo(4);
    }

    @Test
    void shouldAgreeWithDatabindWhateverValueStandsAnywhere() {
        List<String> documents = variants();
        int streamed = compareAll(documents);

        // the contract's own types at every place are read by the stream path
        assertThat(streamed).as("documents read off the token stream").isGreaterThan(documents.size() / 4);
    }

    @Test
    void shouldStreamEveryDocumentOfTheContractsTypes() {
        List<String> documents = new ArrayList<>();
        forEachValue(SessionDocuments.standardTree("ORD-1"), "", (path, node) -> {
            if (node.isString() || node.isNumber()) {
                String other = node.isString() ? "\"other\"" : node.isIntegralNumber() ? "7" : "0.10";
                for (String value : List.of("null", other)) {
                    documents.add(replaced(path, value));
                }
            }
        });
        documents.add(SessionDocuments.standard("ORD-1").replace("\"id\": 12", "\"id\": \"12\""));
        documents.add(SessionDocuments.standard("ORD-1").replace("389.97", "389.970"));
        documents.add(SessionDocuments.standard("ORD-1").replace("\"currency\"", "\"extra\": {\"a\": [1, {\"b\": null}]}, \"currency\""));

        for (String document : documents) {
            assertThat(reader.streamed(bytes(document))).as(document).isNotNull()
                    .isEqualTo(databind.readValue(bytes(document)));
        }
    }

    @Test
    void shouldLeaveDuplicateNamesToDatabindWhichRefusesThem() {
        List<String> documents = new ArrayList<>();
        forEachObject(SessionDocuments.standardTree("ORD-1"), "", (path, object) -> {
            String first = object.propertyNames().iterator().next();
            ObjectNode tree = SessionDocuments.standardTree("ORD-1");
            ((ObjectNode) at(tree, path)).put(PROBE, "x");
            documents.add(SessionDocuments.write(tree).replace("\"" + PROBE + "\"", "\"" + first + "\""));
        });

        assertThat(documents).hasSizeGreaterThan(5);
        for (String document : documents) {
            assertThat(reader.streamed(bytes(document))).as(document).isNull();
            assertThat(outcome(() -> reader.read(bytes(document)))).as(document).startsWith("failed")
                    .isEqualTo(databindOutcome(document));
        }
    }

    @Test
    void shouldLeaveDuplicateUnknownNamesToDatabindWhichRefusesThem() {
        List<String> duplicated = new ArrayList<>();
        List<String> distinct = new ArrayList<>();
        forEachObject(SessionDocuments.standardTree("ORD-1"), "", (path, object) -> {
            ObjectNode tree = SessionDocuments.standardTree("ORD-1");
            ((ObjectNode) at(tree, path)).put("extra", 1).put("extraX", 2);
            String document = SessionDocuments.write(tree);
            duplicated.add(document.replace("\"extraX\"", "\"extra\""));
            // names of the same length as a wanted one, or starting like one, are other names
            String first = object.propertyNames().iterator().next();
            distinct.add(document.replace("\"extra\"", "\"" + first + "X\"")
                    .replace("\"extraX\"", "\"" + "x".repeat(first.length()) + "\""));
        });

        assertThat(duplicated).hasSizeGreaterThan(5);
        for (String document : duplicated) {
            assertThat(reader.streamed(bytes(document))).as(document).isNull();
            assertThat(outcome(() -> reader.read(bytes(document)))).as(document).startsWith("failed")
                    .isEqualTo(databindOutcome(document));
        }
        for (String document : distinct) {
            assertThat(reader.streamed(bytes(document))).as(document).isNotNull()
                    .isEqualTo(databind.readValue(bytes(document)));
        }
    }

    @Test
    void shouldAgreeWithDatabindOnWholeDocuments() {
        String standard = SessionDocuments.standard("ORD-1");
        List<String> documents = List.of("", " ", "null", "[]", "\"x\"", "12", "true", "{}", "{} {}", "{}]", "{}x",
                standard + " {}", standard + "]", standard + " null", standard.substring(0, standard.length() - 4),
                standard.replace("\"currency\": \"TRY\",", "\"currency\": \"TRY\""),
                "{\"preOrder\": null}", "{\"preOrder\": {}}", "{\"basket\": {\"items\": [null, null]}}",
                "{\"basket\": {\"items\": [{\"quantity\": 1}, {\"quantity\": 2}]}}");

        compareAll(documents);
    }

    @Test
    void shouldStreamTextInAnyScriptAndEscapedAsJsonAllows() {
        List<String> names = List.of("Çay bardağı, 6'lı", "Ünlü Işık Şişe", "Кофе", "茶杯", "Mug 😀", "15\\\" monitor",
                "a\\\\b", "\\u00c7ay", "\\ud83d\\ude00", "lone \\ud800 surrogate", "tab\\there", "\\/\\b\\f\\n\\r",
                "\\u00E7\\u00e7", "\\u007f and \u007f", "");
        for (String name : names) {
            String document = SessionDocuments.standard("ORD-1").replace("Wireless Mouse", name);
            Session session = reader.streamed(bytes(document));
            assertThat(session).as(document).isNotNull().isEqualTo(databind.readValue(bytes(document)));
        }
    }

    @Test
    void shouldStreamNumbersAsDatabindReadsThem() {
        for (String amount : List.of("0", "-0", "-0.0", "0.10", "7", "259.980", "123456789012345678",
                "1234567890123456789", "12345678901234567890.5", "0.0000000001")) {
            String document = SessionDocuments.standard("ORD-1").replace("259.98", amount);
            Session session = reader.streamed(bytes(document));
            assertThat(session).as(document).isNotNull().isEqualTo(databind.readValue(bytes(document)));
            assertThat(session.basket().items().getFirst().totalPrice().scale()).as(amount)
                    .isEqualTo(new BigDecimal(amount).scale());
        }
        for (String quantity : List.of("0", "-0", "-2147483648", "2147483647", "999999999", "1000000000")) {
            String document = SessionDocuments.standard("ORD-1").replace("\"quantity\": 2", "\"quantity\": " + quantity);
            assertThat(reader.streamed(bytes(document))).as(document).isNotNull()
                    .isEqualTo(databind.readValue(bytes(document)));
        }
    }

    @Test
    void shouldAgreeWithDatabindOnEveryWrittenForm() {
        List<String> forms = List.of("-", "+1", "01", "-01", "1.", ".5", "1e5", "1E+2", "-1e-2", "1.5e3", "9.50x", "1 2",
                "2147483648", "-2147483649", "99999999999", "1" + "0".repeat(45), "0." + "1".repeat(45),
                "nul", "nullx", "truex", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"a\u0001b\"", "\"a\tb\"",
                "\"unterminated", "{\"a\" 1}", "{\"a\":}", "{,}", "{\"a\":1,}", "[1,]", "[,1]", "[1 2]", "{\"a\":1 \"b\":2}",
                "\"" + "x".repeat(20_000) + "\"", "[".repeat(20) + "]".repeat(20));
        List<byte[]> documents = new ArrayList<>();
        forEachValue(SessionDocuments.standardTree("ORD-1"), "", (path, node) -> {
            for (String form : forms) {
                documents.add(bytes(replaced(path, form)));
            }
        });
        String standard = SessionDocuments.standard("ORD-1");
        documents.add(bytes("\uFEFF" + standard));
        documents.add(bytes(standard.replace("\n", "\r\n\t")));
        documents.add(bytes(standard.replace(" ", "")));
        documents.add(bytes(standard.replace("\n", "\f")));
        documents.add(bytes(standard.replace("\n", "\u00a0")));
        documents.add(bytes(standard + "\u0000"));
        documents.add(bytes(standard.replace("\"sku\"", "\"\\u0073ku\"")));
        documents.add(bytes(standard.replace("\"name\": \"USB-C Hub\"", "\"name\": \"USB-C Hub\", \"na\\u006de\": \"x\"")));
        documents.add(bytes(standard.replace("\"currency\"", "\"extra\": {\"a\": 1, \"a\": 2}, \"currency\"")));
        documents.add(bytes(standard.replace("\"currency\"", "\"extra\": [{\"a\": [1, {\"b\": 1, \"b\": 2}]}], \"currency\"")));

        compareAllBytes(documents);
    }

    @Test
    void shouldLeaveMalformedUtf8ToDatabind() {
        List<byte[]> sequences = List.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xf8, (byte) 0x88},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xc3, (byte) 0xa7}, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80});
        String standard = SessionDocuments.standard("ORD-1");
        int at = standard.indexOf("Wireless") + 1;
        List<byte[]> documents = new ArrayList<>();
        for (byte[] sequence : sequences) {
            byte[] head = bytes(standard.substring(0, at));
            byte[] tail = bytes(standard.substring(at));
            byte[] document = new byte[head.length + sequence.length + tail.length];
            System.arraycopy(head, 0, document, 0, head.length);
            System.arraycopy(sequence, 0, document, head.length, sequence.length);
            System.arraycopy(tail, 0, document, head.length + sequence.length, tail.length);
            documents.add(document);
        }
        // the two well-formed ones are read on the fast path
        assertThat(compareAllBytes(documents)).isEqualTo(2);
    }

    /** Bytes deleted, repeated, replaced and swapped anywhere in the document, replayable with -Dfuzz.seed. */
    @Test
    void shouldNeverReadAMutatedDocumentOtherwiseThanDatabind() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        byte[] standard = bytes(SessionDocuments.standard("ORD-1").replace("USB-C Hub", "Çay bardağı 😀 \\\"x\\\""));
        byte[] alphabet = bytes("{}[]:,\"\\ \t\n0123456789.-+eEnulltruefalseé\u0001");
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            byte[] document = standard.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(document.length);
                document = switch (random.nextInt(4)) {
                    case 0 -> splice(document, at, 1, new byte[0]);
                    case 1 -> splice(document, at, 0, new byte[] {document[at]});
                    case 2 -> splice(document, at, 1, new byte[] {alphabet[random.nextInt(alphabet.length)]});
                    default -> splice(document, at, 0, new byte[] {(byte) random.nextInt(256)});
                };
            }
            documents.add(document);
        }
        assertThat(compareAllBytes(documents)).as("seed %d", seed).isGreaterThan(100);
    }

    private static byte[] splice(byte[] document, int at, int removed, byte[] inserted) {
        byte[] result = new byte[document.length - removed + inserted.length];
        System.arraycopy(document, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(document, at + removed, result, at + inserted.length, document.length - at - removed);
        return result;
    }

    /** Compares both readers on every document; returns how many the stream path read. */
    private static int compareAll(List<String> documents) {
        return compareAllBytes(documents.stream().map(SessionReaderTest::bytes).toList());
    }

    private static int compareAllBytes(List<byte[]> documents) {
        int streamed = 0;
        for (byte[] document : documents) {
            String shown = new String(document, UTF_8);
            Session session = reader.streamed(document);
            String expected = outcome(() -> databind.readValue(document));
            if (session != null) {
                streamed++;
                assertThat("read " + session).as(shown).isEqualTo(expected);
            }
            assertThat(outcome(() -> reader.read(document))).as(shown).isEqualTo(expected);
        }
        return streamed;
    }

    /** The standard document with every value, every object and every array replaced, removed or joined by a stranger. */
    private static List<String> variants() {
        List<String> documents = new ArrayList<>();
        ObjectNode standard = SessionDocuments.standardTree("ORD-1");
        forEachValue(standard, "", (path, node) -> {
            for (String value : VALUES) {
                documents.add(replaced(path, value));
            }
        });
        forEachObject(standard, "", (path, object) -> {
            for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                ObjectNode tree = SessionDocuments.standardTree("ORD-1");
                ((ObjectNode) at(tree, path)).remove(name);
                documents.add(SessionDocuments.write(tree));
            }
            for (String value : VALUES) {
                ObjectNode tree = SessionDocuments.standardTree("ORD-1");
                ((ObjectNode) at(tree, path)).put("unknown", PROBE);
                documents.add(SessionDocuments.write(tree).replace("\"" + PROBE + "\"", value));
            }
        });
        return documents;
    }

    private static String replaced(String path, String value) {
        ObjectNode tree = SessionDocuments.standardTree("ORD-1");
        int slash = path.lastIndexOf('/');
        JsonNode parent = at(tree, path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), PROBE);
        } else {
            ((ObjectNode) parent).put(last, PROBE);
        }
        return SessionDocuments.write(tree).replace("\"" + PROBE + "\"", value);
    }

    private static JsonNode at(JsonNode tree, String path) {
        return path.isEmpty() ? tree : tree.at(path);
    }

    /** Every value below the root, by JSON pointer, objects and arrays included. */
    private static void forEachValue(JsonNode node, String path, PathVisitor<JsonNode> visitor) {
        if (!path.isEmpty()) {
            visitor.visit(path, node);
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                forEachValue(member.getValue(), path + "/" + member.getKey(), visitor);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                forEachValue(array.get(i), path + "/" + i, visitor);
            }
        }
    }

    private static void forEachObject(JsonNode root, String rootPath, PathVisitor<ObjectNode> visitor) {
        if (root instanceof ObjectNode object) {
            visitor.visit(rootPath, object);
        }
        forEachValue(root, rootPath, (path, node) -> {
            if (node instanceof ObjectNode object) {
                visitor.visit(path, object);
            }
        });
    }

    private interface PathVisitor<T> {
        void visit(String path, T node);
    }

    private interface Read {
        Session read() throws Exception;
    }

    private static String outcome(Read read) {
        try {
            return "read " + read.read();
        } catch (Exception e) {
            return "failed " + e.getClass().getName();
        }
    }

    private static String databindOutcome(String document) {
        return outcome(() -> databind.readValue(bytes(document)));
    }

    private static byte[] bytes(String document) {
        return document.getBytes(UTF_8);
    }
}
