package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;
import io.akocamel.model.NameRef;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of routes {@code avi-inventory-load} and {@code avi-inventory-refresh} (bean {@code aviInventoryLoader}).
 * A load reads, with {@code include_name=true} and paging (following {@code next}), every object of this cluster:
 * {@code created_by=ako-<cluster>} for pools, pool groups, HTTP policy sets, certificates, virtual services and AKO's
 * datascript sets (ako-camel writes none: those AKO left are collected once adopted, see {@link Planner#planOrphans});
 * {@code name.contains=<cluster>--} for VsVips (kept when the name starts with it, as AKO does); and the VRF context(s)
 * of the configured cloud whose static routes this cluster manages.
 */
public final class InventoryLoader {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryLoader.class);
    private static final int MAX_PAGES = 10_000;

    public record InventoryQuery(AviType type, String path) {
    }

    /** Page {@code number} of a query; the {@code last} planned one follows {@code next} if there is more. */
    public record PageRead(InventoryQuery query, int number, boolean last) {
        String path() {
            return number == 1 ? query.path() : query.path() + "&page=" + number;
        }
    }

    /** The reply of {@code direct:avi-inventory-load}. */
    public record LoadSummary(boolean complete, int objects, List<String> failures) {
    }

    private final AviInventory inventory;
    private final String clusterName;
    private final String cloudName;
    private final List<String> vrfNames;
    private volatile int pageSize;

    /** {@code vrfNames}: the VRF contexts of cloud {@code cloudName} whose static routes this cluster manages. */
    public InventoryLoader(AviInventory inventory, String clusterName, String cloudName, List<String> vrfNames, int pageSize) {
        this.inventory = inventory;
        this.clusterName = clusterName;
        this.cloudName = cloudName;
        this.vrfNames = List.copyOf(vrfNames);
        this.pageSize = pageSize;
    }

    /** Page size of collection reads (1-200, default 100). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    List<InventoryQuery> queries() {
        String createdBy = NameRef.encode("ako-" + clusterName);
        String paging = "&include_name=true&page_size=" + pageSize;
        List<InventoryQuery> queries = new ArrayList<>();
        queries.add(new InventoryQuery(AviType.VSVIP, "/api/vsvip?name.contains=" + NameRef.encode(clusterName + "--") + paging));
        for (AviType type : List.of(AviType.SSLKEYANDCERTIFICATE, AviType.PKIPROFILE, AviType.POOL, AviType.POOLGROUP, AviType.HTTPPOLICYSET,
                AviType.VSDATASCRIPTSET, AviType.VIRTUALSERVICE)) {
            queries.add(new InventoryQuery(type, "/api/" + type.path() + "?created_by=" + createdBy + paging));
        }
        vrfNames.forEach(vrf -> queries.add(new InventoryQuery(AviType.VRFCONTEXT,
                AviStep.byName(AviType.VRFCONTEXT, vrf) + "&cloud_ref.name=" + NameRef.encode(cloudName))));
        return queries;
    }

    public List<InventoryQuery> beginLoad(Exchange exchange) {
        exchange.setProperty(AviExchange.INVENTORY_LOAD, new LoadState());
        return queries();
    }

    /** Split step: the first page of one query. */
    public void firstPage(Exchange exchange) {
        read(exchange, new PageRead(exchange.getMessage().getBody(InventoryQuery.class), 1, false));
    }

    /**
     * The pages after the first ones, each to read on its own: what the first page's {@code count} says is left. Read in
     * parallel; the last one follows {@code next} should the controller hold more by then.
     */
    public List<PageRead> morePages(Exchange exchange) {
        return exchange.getProperty(AviExchange.INVENTORY_LOAD, LoadState.class).plannedPages();
    }

    /** Split step: one page of {@link #morePages}. */
    public void page(Exchange exchange) {
        read(exchange, exchange.getMessage().getBody(PageRead.class));
    }

    private static void read(Exchange exchange, PageRead page) {
        exchange.setProperty(AviExchange.INVENTORY_QUERY, page.query());
        exchange.setProperty(AviExchange.INVENTORY_PAGE, page);
        exchange.removeProperty(AviExchange.READ_ERROR);
        exchange.setProperty(AviExchange.STEP, AviStep.read(page.path()));
    }

    /** Loop step: takes a page's results and sets the next page's step (only the last planned page follows {@code next}), or none. */
    public void acceptPage(Exchange exchange) {
        LoadState load = exchange.getProperty(AviExchange.INVENTORY_LOAD, LoadState.class);
        InventoryQuery query = exchange.getProperty(AviExchange.INVENTORY_QUERY, InventoryQuery.class);
        PageRead read = exchange.getProperty(AviExchange.INVENTORY_PAGE, PageRead.class);
        String error = exchange.getProperty(AviExchange.READ_ERROR, String.class);
        exchange.removeProperty(AviExchange.STEP);
        if (error != null) {
            load.failed(query, error);
            return;
        }
        JsonNode page = exchange.getMessage().getBody(JsonNode.class);
        JsonNode results = page == null ? null : page.get("results");
        if (results == null || !results.isArray()) {
            // an empty or malformed 2xx answer says nothing about what exists: the query was not read
            failed(load, query, "the answer is not a page of results (no results array)");
            return;
        }
        results.forEach(body -> {
            if (body instanceof ObjectNode object && isOurs(query.type(), object)) {
                load.add(query.type(), object);
            }
        });
        String next = page.path("next").asText("");
        int pages = load.nextPage(query);
        if (next.isEmpty() || results.isEmpty() || !next.contains("/api/")) {
            return;
        }
        if (read.number() == 1) {
            int total = (int) Math.min(Integer.MAX_VALUE, (page.path("count").asLong(0) + results.size() - 1) / results.size());
            if (total > MAX_PAGES) {
                failed(load, query, "more than " + MAX_PAGES + " pages");
            } else {
                load.plan(query, Math.max(2, total));
            }
        } else if (pages >= MAX_PAGES) {
            failed(load, query, "more than " + MAX_PAGES + " pages");
        } else if (read.last()) {
            exchange.setProperty(AviExchange.STEP, AviStep.read(next.substring(next.indexOf("/api/"))));
        }
    }

    private static void failed(LoadState load, InventoryQuery query, String error) {
        LOG.warn("reading {} from the Avi Controller failed: {}", query.path(), error);
        load.failed(query, error);
    }

    private boolean isOurs(AviType type, ObjectNode body) {
        return type != AviType.VSVIP || body.path("name").asText().startsWith(clusterName + "--");
    }

    public LoadSummary finishLoad(Exchange exchange) {
        LoadState load = exchange.getProperty(AviExchange.INVENTORY_LOAD, LoadState.class);
        inventory.replace(load.completelyRead(), load.failures.isEmpty());
        LoadSummary summary = new LoadSummary(load.failures.isEmpty(), inventory.size(), List.copyOf(load.failures));
        if (summary.complete()) {
            LOG.info("Avi inventory loaded: {} objects of cluster {}", summary.objects(), clusterName);
        } else {
            LOG.warn(inventory.isRead() ? "Avi inventory incomplete (no garbage collection until a complete read): {}"
                    : "Avi inventory not read (nothing is written until a complete read): {}", summary.failures());
        }
        return summary;
    }

    /** Body {@code type/name} (e.g. {@code pool/cluster-1--foo}): reads that one object by name. */
    public void beginRefresh(Exchange exchange) {
        String key = exchange.getMessage().getBody(String.class);
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("direct:avi-inventory-refresh expects a body 'type/name', got " + key);
        }
        AviType type = AviType.fromPath(key.substring(0, slash));
        InventoryQuery query = new InventoryQuery(type, AviStep.byName(type, key.substring(slash + 1)));
        exchange.setProperty(AviExchange.INVENTORY_QUERY, query);
        exchange.removeProperty(AviExchange.READ_ERROR);
        exchange.setProperty(AviExchange.STEP, AviStep.read(query.path()));
        exchange.setProperty(AviExchange.REFRESH_NAME, key.substring(slash + 1));
    }

    /** The refreshed object (now in the inventory), or null when the controller has none by that name. */
    public StoredObject acceptRefresh(Exchange exchange) {
        InventoryQuery query = exchange.getProperty(AviExchange.INVENTORY_QUERY, InventoryQuery.class);
        String name = exchange.getProperty(AviExchange.REFRESH_NAME, String.class);
        String error = exchange.getProperty(AviExchange.READ_ERROR, String.class);
        if (error != null) {
            throw new IllegalStateException("refreshing " + query.type().path() + "/" + name + " failed: " + error);
        }
        JsonNode page = exchange.getMessage().getBody(JsonNode.class);
        JsonNode first = page == null ? null : page.path("results").path(0);
        inventory.observed();
        if (first instanceof ObjectNode object) {
            return inventory.record(query.type(), object);
        }
        inventory.forget(query.type(), name);
        return null;
    }

    /** What one load has read so far (shared by the split over queries). */
    static final class LoadState {
        private final Map<AviType, List<ObjectNode>> read = new EnumMap<>(AviType.class);
        private final Set<AviType> failedTypes = EnumSet.noneOf(AviType.class);
        private final Map<InventoryQuery, Integer> pages = new HashMap<>();
        private final List<String> failures = new ArrayList<>();

        synchronized void add(AviType type, ObjectNode body) {
            read.computeIfAbsent(type, t -> new ArrayList<>()).add(body);
        }

        private final List<PageRead> planned = new ArrayList<>();

        /** Pages 2 to {@code total} of the query are to be read. */
        synchronized void plan(InventoryQuery query, int total) {
            for (int number = 2; number <= total; number++) {
                planned.add(new PageRead(query, number, number == total));
            }
        }

        synchronized List<PageRead> plannedPages() {
            return List.copyOf(planned);
        }

        synchronized int nextPage(InventoryQuery query) {
            read.computeIfAbsent(query.type(), t -> new ArrayList<>());
            return pages.merge(query, 1, Integer::sum);
        }

        synchronized void failed(InventoryQuery query, String error) {
            failedTypes.add(query.type());
            failures.add(query.type().path() + ": " + error);
        }

        synchronized Map<AviType, List<ObjectNode>> completelyRead() {
            Map<AviType, List<ObjectNode>> complete = new EnumMap<>(read);
            failedTypes.forEach(complete::remove);
            return complete;
        }
    }
}
