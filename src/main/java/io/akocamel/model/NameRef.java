package io.akocamel.model;

import java.nio.charset.StandardCharsets;

/**
 * Name references, {@code /api/<collection>?name=<name>}, that resolve to the object of exactly that name whatever it
 * holds ({@code %}, {@code &}, {@code +}, {@code #}, {@code ;}, non-ASCII, ...). The name is percent-encoded once, here;
 * ako-camel never decodes a reference: it compares references in this encoded form.
 */
public final class NameRef {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NameRef() {
    }

    /** {@code /api/<collection>?name=<encoded name>}. */
    public static String of(String collection, String name) {
        return "/api/" + collection + "?name=" + encode(name);
    }

    /**
     * A query value that a controller decodes back to {@code value}: letters, digits and {@code - . _ ~ *} as they are
     * (so AKO's plain names read as AKO writes them), every other character as {@code %XX} of its UTF-8 bytes.
     */
    public static String encode(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            if (!plain(value.charAt(i))) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
                for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    int c = b & 0xff;
                    if (plain((char) c)) {
                        out.append((char) c);
                    } else {
                        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    }
                }
                break;
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean plain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '*';
    }
}
