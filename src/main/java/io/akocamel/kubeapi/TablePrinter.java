package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** The columns a real API server prints for one kind, and the cells of one object (wide cells included). */
public record TablePrinter(List<Column> columns, Cells cells) {

    @FunctionalInterface
    public interface Cells {
        List<Object> of(JsonNode object, Instant now);
    }

    /** The API server's default for a kind without printer columns. */
    public static final TablePrinter NAME_AND_CREATED = new TablePrinter(
            List.of(Column.NAME, new Column("Created At", "date", "", "CreationTimestamp of the object.", 0)),
            (o, now) -> List.of(o.path("metadata").path("name").asText(), o.path("metadata").path("creationTimestamp").asText()));

    /** A custom resource without additionalPrinterColumns. */
    public static final TablePrinter NAME_AND_AGE = new TablePrinter(List.of(Column.NAME, Column.AGE),
            (o, now) -> List.of(CellFormat.name(o), CellFormat.age(o, now)));
}
