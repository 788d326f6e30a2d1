package io.akocamel.config;

/** Number of shared virtual services (AKO's {@code L7Settings.shardVSSize}); DEDICATED is one VS per host. */
public enum ShardSize {
    LARGE(8), MEDIUM(4), SMALL(1), DEDICATED(0);

    private final int shards;

    ShardSize(int shards) {
        this.shards = shards;
    }

    /** Number of shared VSes, 0 for DEDICATED. */
    public int shards() {
        return shards;
    }
}
