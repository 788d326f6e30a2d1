package io.akocamel.simulator;

/**
 * What a request may see, from {@code X-Avi-Tenant}/{@code X-Avi-Tenant-UUID}: its tenant's objects, plus the
 * {@code admin} tenant's shared infrastructure (clouds, VRFs, SE groups, networks, IPAM/DNS profiles) and its
 * {@code System-*} objects; tenants themselves are visible to all. {@code *} (null tenant) sees everything and writes
 * into the body's {@code tenant_ref}, else {@code admin}.
 */
record TenantScope(String tenantUuid) {
    static final TenantScope ALL = new TenantScope(null);
    static final TenantScope ADMIN = new TenantScope(StoredObject.ADMIN_TENANT);

    boolean sees(StoredObject object) {
        if (tenantUuid == null || !object.type().tenantScoped()) {
            return true;
        }
        String owner = object.tenantUuid();
        if (tenantUuid.equals(owner)) {
            return true;
        }
        return StoredObject.ADMIN_TENANT.equals(owner)
                && (object.type().shared() || object.name().startsWith("System-"));
    }

    String writeTenant() {
        return tenantUuid == null ? StoredObject.ADMIN_TENANT : tenantUuid;
    }
}
