package io.akocamel.kubeapi;

/** One column of a {@code meta.k8s.io/v1} Table; priority 1 columns are shown by {@code kubectl get -o wide} only. */
public record Column(String name, String type, String format, String description, int priority) {

    public static final Column NAME = new Column("Name", "string", "name", "Name must be unique within a namespace.", 0);
    public static final Column AGE = new Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0);

    public static Column of(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    public static Column wide(String name, String description) {
        return new Column(name, "string", "", description, 1);
    }
}
