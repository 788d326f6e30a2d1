package io.akocamel.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table printed as rows are added to it. */
final class MarkdownTable {
    private final List<String> lines = new ArrayList<>();

    MarkdownTable(String... columns) {
        lines.add("| " + String.join(" | ", columns) + " |");
        lines.add("|" + "---|".repeat(columns.length));
    }

    MarkdownTable row(Object... cells) {
        List<String> text = new ArrayList<>();
        for (Object cell : cells) {
            text.add(String.valueOf(cell));
        }
        lines.add("| " + String.join(" | ", text) + " |");
        return this;
    }

    String render() {
        return String.join("\n", lines);
    }
}
