package io.akocamel.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every configuration mistake found at start, each naming its key, the value given and what is allowed. */
public class SettingsException extends RuntimeException {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(problems.size() + " configuration error(s):" + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
