package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.support.ApplicationJson;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    void shouldAgreeWithDatabindOnWholeDocuments() {
        String standard = SessionDocuments.standard("ORD-1");
        List<String> documents = List.of("", " ", "null", "[]", "\"x\"", "12", "true", "{}", "{} {}", "{}]", "{}x",
                standard + " {}", standard + "]", standard + " null", standard.substring(0, standard.length() - 4),
                standard.replace("\"currency\": \"TRY\",", "\"currency\": \"TRY\""),
                "{\"preOrder\": null}", "{\"preOrder\": {}}", "{\"basket\": {\"items\": [null, null]}}",
                "{\"basket\": {\"items\": [{\"quantity\": 1}, {\"quantity\": 2}]}}");

        compareAll(documents);
    }

    /** Compares both readers on every document; returns how many the stream path read. */
    private static int compareAll(List<String> documents) {
        int streamed = 0;
        for (String document : documents) {
            Session session = reader.streamed(bytes(document));
            String expected = databindOutcome(document);
            if (session != null) {
                streamed++;
                assertThat("read " + session).as(document).isEqualTo(expected);
            }
            assertThat(outcome(() -> reader.read(bytes(document)))).as(document).isEqualTo(expected);
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
