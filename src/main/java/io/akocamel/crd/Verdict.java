package io.akocamel.crd;

import java.util.List;

/**
 * What the controller says of a custom resource: {@code Accepted}, or {@code Rejected} with the error; and the fields it
 * holds that ako-camel does not apply yet (each named in a Warning {@code Unsupported}).
 */
public record Verdict(boolean accepted, String error, List<String> notApplied) {
    public static final String ACCEPTED = "Accepted";
    public static final String REJECTED = "Rejected";

    public String status() {
        return accepted ? ACCEPTED : REJECTED;
    }
}
