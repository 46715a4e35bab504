package com.webshop.ivrhooks.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import tools.jackson.core.JsonToken;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * The tokens of a small JSON document written the usual way, as the checkout writes its session
 * documents and the vendor its hook bodies: strict JSON in UTF-8, with numbers as plain decimals and
 * no duplicate names in any object. Anything else (an exponent, a byte-order mark, invalid UTF-8,
 * very deep or very long content) is {@link Unusual}, and the document is left to Jackson, which
 * decides what it means. Everything this reads, Jackson reads the same way; {@code SessionReaderTest}
 * and {@code RequestReadingTest} hold the two to that. A Jackson parser costs more to set up than a
 * small document takes to read.
 */
public final class JsonTokens {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_NAMES_PER_OBJECT = 64;
    // below Jackson's limits, so that nothing read here is too long for Jackson
    private static final int MAX_STRING_BYTES = 1 << 14;
    private static final int MAX_NUMBER_LENGTH = 40;

    private final byte[] in;
    private final int end;
    private int pos;
    private JsonToken current;
    private boolean started;
    private boolean afterName;
    private String text;
    private int valueStart;
    private int numberStart;
    private int numberEnd;
    private int numberDigits;
    private int fractionDigits;
    // the number's digits without the point, read as it is scanned; only used up to 18 digits
    private long unscaled;
    // the open objects and arrays, innermost last; of each open object, the wanted names it has had
    // (a bit per name) and where its other names start in the tables below
    private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
    private final boolean[] isEmpty = new boolean[MAX_DEPTH + 1];
    private final int[] wantedSeen = new int[MAX_DEPTH + 1];
    private final int[] firstName = new int[MAX_DEPTH + 1];
    private int depth;
    // where each other name of the open objects is in the document, for the duplicate check
    private int[] nameStarts = new int[16];
    private int[] nameEnds = new int[16];
    private int nameCount;

    public JsonTokens(byte[] document) {
        this(document, document.length);
    }

    /** The document in the first {@code length} bytes of {@code buffer}. */
    public JsonTokens(byte[] buffer, int length) {
        this.in = buffer;
        this.end = length;
    }

    /**
     * The next value: the document's first, the one after a name, or an array's next element (or
     * its end). Null once the document is over.
     */
    public JsonToken nextToken() {
        if (afterName) {
            afterName = false;
            return current = value();
        }
        if (depth == 0) {
            if (!started) {
                started = true;
                return current = value();
            }
            if (skipWhitespace() != -1) {
                throw Unusual.INSTANCE;
            }
            return current = null;
        }
        if (isObject[depth]) {
            throw Unusual.INSTANCE;
        }
        if (!nextItem(']')) {
            return current = close();
        }
        return current = value();
    }

    /**
     * The open object's next member name, with the parser before its value: the reader's own
     * instance of it where it is one of {@code wanted}, {@link Names#OTHER} where it is not, null
     * where the object ends. Names are matched as the document's bytes, without a string per name;
     * a name with an escape in it is for Jackson.
     */
    public String nextName(Names wanted) {
        if (depth == 0 || !isObject[depth] || afterName) {
            throw Unusual.INSTANCE;
        }
        if (!nextItem('}')) {
            current = close();
            return null;
        }
        if (skipWhitespace() != '"') {
            throw Unusual.INSTANCE;
        }
        int start = ++pos;
        String name;
        // a wanted name is found by its bytes and closing quote, without a scan of its own
        int index = wanted.at(in, start, end);
        if (index >= 0) {
            if ((wantedSeen[depth] & 1 << index) != 0) {
                throw Unusual.INSTANCE;
            }
            wantedSeen[depth] |= 1 << index;
            pos = start + wanted.bytes[index].length + 1;
            name = wanted.names[index];
        } else {
            other(start, nameEnd());
            name = Names.OTHER;
        }
        if (skipWhitespace() != ':') {
            throw Unusual.INSTANCE;
        }
        pos++;
        afterName = true;
        current = JsonToken.PROPERTY_NAME;
        return name;
    }

    /**
     * Notes a name that is none of the wanted ones, refusing a duplicate. Well-formed UTF-8 without
     * escapes: the same name is the same bytes, and it differs from every wanted name, which would
     * have been found.
     */
    private void other(int start, int end) {
        for (int i = firstName[depth]; i < nameCount; i++) {
            if (nameEnds[i] - nameStarts[i] == end - start
                    && Arrays.equals(in, nameStarts[i], nameEnds[i], in, start, end)) {
                throw Unusual.INSTANCE;
            }
        }
        if (nameCount - firstName[depth] == MAX_NAMES_PER_OBJECT) {
            throw Unusual.INSTANCE;
        }
        if (nameCount == nameStarts.length) {
            nameStarts = Arrays.copyOf(nameStarts, nameCount * 2);
            nameEnds = Arrays.copyOf(nameEnds, nameCount * 2);
        }
        nameStarts[nameCount] = start;
        nameEnds[nameCount++] = end;
    }

    /** Skips the object or array the parser is on the start of, checking it as strictly as the rest. */
    public void skipChildren() {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return;
        }
        int outside = depth - 1;
        while (depth > outside) {
            if (!isObject[depth]) {
                nextToken();
            } else if (nextName(Names.NONE) != null) {
                nextToken();
            }
        }
    }

    /**
     * Skips the object or array the parser is on the start of where its bytes are those from {@code
     * start} to {@code end} of the document: an object or array this reader has read whole, with its
     * checks. The same bytes are the same value, and end where it ends. Returns whether it skipped.
     */
    public boolean skipIfSameAs(int start, int end) {
        if ((current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) || pos != valueStart + 1) {
            return false;
        }
        int valueEnd = valueStart + (end - start);
        if (valueEnd > this.end || !Arrays.equals(in, valueStart, valueEnd, in, start, end)) {
            return false;
        }
        pos = valueEnd;
        current = close();
        return true;
    }

    /** Leaves the innermost object or array, and forgets its names; returns its end. */
    private JsonToken close() {
        nameCount = firstName[depth];
        return isObject[depth--] ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    /** Where the value the parser is on starts in the document. */
    public int valueStart() {
        return valueStart;
    }

    /**
     * Where the parser is: past the scalar it is on, or past the object or array it is on the start
     * of once {@link #skipChildren()} has skipped it.
     */
    public int position() {
        return pos;
    }

    /** A string's text, or a number's as it is written. */
    public String getString() {
        return switch (current) {
            case VALUE_STRING -> text;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new String(in, numberStart, numberEnd - numberStart, ISO_8859_1);
            default -> throw Unusual.INSTANCE;
        };
    }

    /** Whether the number is an integer within an int's range, as Jackson's {@code NumberType.INT}. */
    public boolean isInt() {
        if (current != JsonToken.VALUE_NUMBER_INT || numberDigits > 10) {
            return false;
        }
        long value = signed();
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    public int getIntValue() {
        return (int) signed();
    }

    /** The number with the scale it is written with, as {@code new BigDecimal(text)}. */
    public BigDecimal getDecimalValue() {
        if (numberDigits > 18) {
            return new BigDecimal(getString());
        }
        return BigDecimal.valueOf(signed(), fractionDigits);
    }

    /** The digits without the point, at most 18 of them, with the number's sign. */
    private long signed() {
        return in[numberStart] == '-' ? -unscaled : unscaled;
    }

    /** Past the separator before an open container's next item; false, past its end, where it ends. */
    private boolean nextItem(char end) {
        int c = skipWhitespace();
        if (c == end) {
            pos++;
            return false;
        }
        if (isEmpty[depth]) {
            isEmpty[depth] = false;
            return true;
        }
        if (c != ',') {
            throw Unusual.INSTANCE;
        }
        pos++;
        return true;
    }

    private JsonToken value() {
        int c = skipWhitespace();
        valueStart = pos;
        switch (c) {
            case '{' -> {
                open(true);
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                open(false);
                return JsonToken.START_ARRAY;
            }
            case '"' -> {
                text = string();
                return JsonToken.VALUE_STRING;
            }
            case 'n' -> {
                literal("null");
                return JsonToken.VALUE_NULL;
            }
            case 't' -> {
                literal("true");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("false");
                return JsonToken.VALUE_FALSE;
            }
            default -> {
                return number();
            }
        }
    }

    private void open(boolean object) {
        if (depth == MAX_DEPTH) {
            throw Unusual.INSTANCE;
        }
        pos++;
        depth++;
        isObject[depth] = object;
        isEmpty[depth] = true;
        wantedSeen[depth] = 0;
        firstName[depth] = nameCount;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos == end || in[pos] != word.charAt(i)) {
                throw Unusual.INSTANCE;
            }
        }
    }

    /**
     * {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}; an exponent is for Jackson. Whatever follows a number or a
     * literal must be a separator, an end or the document's end, which the next read checks.
     */
    private JsonToken number() {
        int start = pos;
        boolean negative = pos < end && in[pos] == '-';
        if (negative) {
            pos++;
        }
        unscaled = 0;
        if (pos < end && in[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            throw Unusual.INSTANCE;
        }
        fractionDigits = 0;
        boolean fraction = pos < end && in[pos] == '.';
        if (fraction) {
            pos++;
            if ((fractionDigits = digits()) == 0) {
                throw Unusual.INSTANCE;
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw Unusual.INSTANCE;
        }
        numberStart = start;
        numberEnd = pos;
        numberDigits = pos - start - (negative ? 1 : 0) - (fraction ? 1 : 0);
        return fraction ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
    }

    /** Past the digits under the parser, adding them to {@link #unscaled}; returns how many. */
    private int digits() {
        int start = pos;
        int at = start;
        long value = unscaled;
        while (at < end && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at++] - '0');
        }
        unscaled = value;
        pos = at;
        return at - start;
    }

    /**
     * The next byte that is not JSON whitespace, from 0 to 255, without passing it; -1 at the end,
     * which no byte may pass for.
     */
    private int skipWhitespace() {
        int at = pos;
        while (at < end) {
            byte b = in[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                pos = at;
                return b & 0xff;
            }
            at++;
        }
        pos = at;
        return -1;
    }

    /** Past the closing quote of the name that starts under the parser; returns where the name ends. */
    private int nameEnd() {
        byte[] in = this.in;
        int start = pos;
        int at = start;
        while (at < end) {
            int b = in[at++];
            if (b == '"') {
                if (at - 1 - start > MAX_STRING_BYTES) {
                    throw Unusual.INSTANCE;
                }
                pos = at;
                return at - 1;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                throw Unusual.INSTANCE;
            }
            if (b < 0) {
                pos = at;
                utf8(b & 0xff);
                at = pos;
            }
        }
        throw Unusual.INSTANCE;
    }

    /** The string starting at the quote under the parser; plain ASCII is copied as it is. */
    private String string() {
        byte[] in = this.in;
        int start = pos + 1;
        int at = start;
        while (at < end) {
            byte b = in[at];
            if (b == '"') {
                if (at - start > MAX_STRING_BYTES) {
                    throw Unusual.INSTANCE;
                }
                pos = at + 1;
                return new String(in, start, at - start, ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {
                // a backslash, a control character, or (as a negative byte) the start of a multi-byte character
                pos = at;
                return decodedString(start);
            }
            at++;
        }
        throw Unusual.INSTANCE;
    }

    private String decodedString(int start) {
        StringBuilder text = new StringBuilder(pos - start + 16).append(new String(in, start, pos - start, ISO_8859_1));
        while (pos < end) {
            if (pos - start > MAX_STRING_BYTES) {
                throw Unusual.INSTANCE;
            }
            int b = in[pos++] & 0xff;
            if (b == '"') {
                return text.toString();
            } else if (b == '\\') {
                text.append(escaped());
            } else if (b < 0x20) {
                throw Unusual.INSTANCE;
            } else if (b < 0x80) {
                text.append((char) b);
            } else {
                text.appendCodePoint(utf8(b));
            }
        }
        throw Unusual.INSTANCE;
    }

    private char escaped() {
        if (pos == end) {
            throw Unusual.INSTANCE;
        }
        return switch (in[pos++]) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = pos < end ? Character.digit(in[pos++], 16) : -1;
                    if (digit < 0) {
                        throw Unusual.INSTANCE;
                    }
                    value = value << 4 | digit;
                }
                yield (char) value;
            }
            default -> throw Unusual.INSTANCE;
        };
    }

    /**
     * The code point of a multi-byte UTF-8 sequence, well-formed as RFC 3629 has it: no overlong
     * forms, no surrogates, nothing above U+10FFFF. Jackson is laxer, so what it reads differently is
     * never read here.
     */
    private int utf8(int lead) {
        int continuations;
        int min;
        int codePoint;
        if (lead >= 0xc2 && lead <= 0xdf) {
            continuations = 1;
            min = 0x80;
            codePoint = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            continuations = 2;
            min = 0x800;
            codePoint = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            continuations = 3;
            min = 0x10000;
            codePoint = lead & 0x07;
        } else {
            throw Unusual.INSTANCE;
        }
        for (int i = 0; i < continuations; i++) {
            int b = pos < end ? in[pos++] & 0xff : 0;
            if ((b & 0xc0) != 0x80) {
                throw Unusual.INSTANCE;
            }
            codePoint = codePoint << 6 | (b & 0x3f);
        }
        if (codePoint < min || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw Unusual.INSTANCE;
        }
        return codePoint;
    }

    /**
     * The member names a reader looks for in one kind of object: at most 32, distinct, of printable
     * ASCII other than the quote and the backslash, so that one is in a document exactly where its
     * bytes and then a quote are.
     */
    public static final class Names {

        public static final Names NONE = new Names();

        /** Any name that is not wanted: a string of its own, equal to none of them. */
        public static final String OTHER = new String("");

        private final String[] names;
        private final byte[][] bytes;

        public Names(String... names) {
            if (names.length > Integer.SIZE || Set.copyOf(Arrays.asList(names)).size() != names.length) {
                throw new IllegalArgumentException("at most 32 distinct names");
            }
            this.names = names.clone();
            this.bytes = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                if (!names[i].chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
                    throw new IllegalArgumentException("not a plain name: " + names[i]);
                }
                bytes[i] = names[i].getBytes(ISO_8859_1);
            }
        }

        /** The index of the name whose bytes, and then a quote, start at {@code start}; -1 if none. */
        private int at(byte[] document, int start, int end) {
            for (int i = 0; i < bytes.length; i++) {
                byte[] name = bytes[i];
                int after = start + name.length;
                // names a few bytes long: a loop of their own beats a call to Arrays.equals
                if (after < end && document[after] == '"' && startsWith(document, start, name)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean startsWith(byte[] document, int start, byte[] name) {
            for (int i = 0; i < name.length; i++) {
                if (document[start + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Something the usual way of writing does not put there: Jackson decides what it means. */
    public static final class Unusual extends RuntimeException {

        public static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }
}
