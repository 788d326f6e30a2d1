package io.akocamel.crd;

/**
 * An Avi object a custom resource names: the field that names it ({@code wafPolicy}, {@code paths[/api].healthMonitors}),
 * the object type as the REST API spells it ({@code wafpolicy}) and the object's name.
 */
public record AviReference(String field, String type, String name) {

    /** What the error of a Rejected resource says. */
    public String missing() {
        return field + ": " + type + " '" + name + "' does not exist on the Avi Controller; create it there or correct the name";
    }
}
