package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.config.JsonTokens.Names;
import com.webshop.ivrhooks.config.JsonTokens.Unusual;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the readers built on the tokens rely on; SessionReaderTest and RequestReadingTest hold them to Jackson. */
class JsonTokensTest {

    private static final Names AB = new Names("a", "ab");

    @Test
    void shouldFindWantedNamesByTheirWholeBytes() {
        JsonTokens tokens = tokens("""
                {"ab": 1, "a": 2, "abc": 3, "b": 4}""");
        tokens.nextToken();

        assertThat(tokens.nextName(AB)).isSameAs("ab");
        tokens.nextToken();
        assertThat(tokens.nextName(AB)).isSameAs("a");
        tokens.nextToken();
        assertThat(tokens.nextName(AB)).isSameAs(Names.OTHER);
        tokens.nextToken();
        assertThat(tokens.nextName(AB)).isSameAs(Names.OTHER);
        assertThat(tokens.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        assertThat(tokens.nextName(AB)).isNull();
        assertThat(tokens.nextToken()).isNull();
    }

    @Test
    void shouldRefuseAWantedNameTwiceInOneObjectButNotInTwo() {
        JsonTokens twice = tokens("""
                {"a": 1, "a": 2}""");
        twice.nextToken();
        twice.nextName(AB);
        twice.nextToken();

        assertThatThrownBy(() -> twice.nextName(AB)).isInstanceOf(Unusual.class);
        JsonTokens nested = tokens("""
                {"a": {"a": 1}, "ab": 2}""");
        nested.nextToken();
        assertThat(nested.nextName(AB)).isSameAs("a");
        nested.nextToken();
        assertThat(nested.nextName(AB)).isSameAs("a");
        nested.nextToken();
        assertThat(nested.nextName(AB)).isNull();
        assertThat(nested.nextName(AB)).isSameAs("ab");
    }

    @Test
    void shouldSkipAValueOnlyWhereItIsTheSameBytesAsOneRead() {
        byte[] document = """
                {"x": {"k": [1]}, "y": {"k": [1]}, "z": {"k": [2]}}""".getBytes(UTF_8);
        JsonTokens tokens = new JsonTokens(document);
        tokens.nextToken();
        tokens.nextName(Names.NONE);
        tokens.nextToken();
        int start = tokens.valueStart();
        tokens.skipChildren();
        int end = tokens.position();

        tokens.nextName(Names.NONE);
        tokens.nextToken();
        assertThat(tokens.skipIfSameAs(start, end)).isTrue();
        tokens.nextName(Names.NONE);
        tokens.nextToken();
        assertThat(tokens.skipIfSameAs(start, end)).isFalse();
        assertThat(tokens.nextName(Names.NONE)).isSameAs(Names.OTHER);
        assertThat(tokens.nextToken()).isEqualTo(JsonToken.START_ARRAY);
        assertThat(tokens.skipIfSameAs(start, end)).as("not on the start of a value any more").isFalse();
    }

    @Test
    void shouldTakeOnlyNamesItCanFindByTheirBytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Names("a", "a"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Names("a\"b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Names("a\\b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Names("é"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Names(new String[33]));
    }

    private static JsonTokens tokens(String json) {
        return new JsonTokens(json.getBytes(UTF_8));
    }
}
