package io.akocamel.util;

/** Avi versions ({@code 22.1.3}, {@code 22.1.3-2p1}, {@code 30.2.1-9001-20230401}) compared numerically, part by part. */
public final class Versions {
    private Versions() {
    }

    /**
     * Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}: dotted parts compare
     * as numbers ({@code 22.1.2} &lt; {@code 22.1.10}), a missing part counts as 0, and what follows a part's leading
     * digits ({@code -2p1}) is ignored.
     */
    public static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? leadingNumber(left[i]) : 0;
            long r = i < right.length ? leadingNumber(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long leadingNumber(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
