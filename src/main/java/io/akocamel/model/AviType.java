package io.akocamel.model;

/**
 * The Avi object types ako-camel writes (and AKO's datascript sets, which it only deletes), in the order creates and updates must run (children first: a parent refers
 * to its children by name, so they must exist first). Deletes run in the reverse order.
 */
public enum AviType {
    VSVIP("vsvip"),
    SSLKEYANDCERTIFICATE("sslkeyandcertificate"),
    PKIPROFILE("pkiprofile"),
    POOL("pool"),
    POOLGROUP("poolgroup"),
    HTTPPOLICYSET("httppolicyset"),
    /** Never desired: AKO's datascript sets are read only to be collected after adoption (see the planner's orphans). */
    VSDATASCRIPTSET("vsdatascriptset"),
    VIRTUALSERVICE("virtualservice"),
    VRFCONTEXT("vrfcontext");

    private final String path;

    AviType(String path) {
        this.path = path;
    }

    /** The collection name in the REST API, {@code /api/<path>}. */
    public String path() {
        return path;
    }

    /** A name reference as AKO writes them, resolved by the controller: {@code /api/pool?name=foo} ({@link NameRef}). */
    public String refByName(String name) {
        return NameRef.of(path, name);
    }

    public static AviType fromPath(String path) {
        for (AviType t : values()) {
            if (t.path.equals(path)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not an object type ako-camel writes: " + path);
    }
}
