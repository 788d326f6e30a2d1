package io.akocamel.model;

import io.akocamel.model.AviRouter.PortReading;
import io.akocamel.model.AviRouter.SetReading;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.akocamel.model.AviRouter.NOT_FOUND;
import static io.akocamel.model.AviRouter.REDIRECT;
import static io.akocamel.model.K8s.exact;
import static io.akocamel.model.K8s.implementationSpecific;
import static io.akocamel.model.K8s.ingress;
import static io.akocamel.model.K8s.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Every rule of docs/ingress-to-avi.md#routing-rules as a table of requests: each request goes through the generated Avi objects
 * (see {@link AviRouter}) and must reach the expected backend, a 404 or the HTTPS redirect — with one shard (SMALL) and
 * with eight (LARGE), and under every reading of what Avi leaves undocumented (whether later policy sets run after a
 * switching one; whether a port in the Host header is stripped).
 */
class RoutingTableTest {

    private static final Map<String, List<Ingress>> SCENARIOS = Map.of(
            "paths", List.of(ingress("web/paths", 0)
                    .rule("exact.test", exact("/foo", "e-foo"), exact("/foo/", "e-foo-slash"))
                    .rule("prefix.test", prefix("/", "p-root"), prefix("/aaa", "p-aaa"), prefix("/aaa/bbb", "p-bbb"))
                    .rule("trailing.test", prefix("/foo/", "t-foo"))
                    .rule("mixed.test", prefix("/foo", "m-prefix"), exact("/foo", "m-exact"))
                    .rule("case.test", prefix("/Foo", "c-foo"))
                    .rule("impl.test", implementationSpecific("/impl", "i-impl"))
                    .build()),
            "literal", List.of(ingress("web/literal", 0)
                    .rule("literal.test", prefix("/sale-50%", "l-sale"), exact("/c++", "l-cpp"), prefix("/café", "l-cafe"),
                            implementationSpecific("/api/.*", "l-regex"))
                    .build()),
            "hosts", List.of(ingress("web/hosts", 0)
                    .rule("foo.test", prefix("/", "h-foo"))
                    .rule("api.test", prefix("/api", "h-api"))
                    .rule("*.wild.test", prefix("/", "h-wild"))
                    .rule("www.wild.test", prefix("/", "h-www"))
                    .rule("*.deep.wild.test", prefix("/", "h-deep"))
                    .rule("", prefix("/hostless", "h-hostless"))
                    .build()),
            "default-backend", List.of(
                    ingress("web/site", 0).rule("site.test", prefix("/app", "d-app")).build(),
                    ingress("web/fallback", 1).defaultBackend("d-default").build(),
                    ingress("web/late", 2).defaultBackend("d-late").build(),
                    ingress("web/anyhost", 3).rule("", prefix("/any", "d-any")).build()),
            "default-backend-only", List.of(ingress("web/only", 0).defaultBackend("o-default").build()),
            "tls", List.of(
                    ingress("web/secure", 0).tls("secure-tls", "secure.test").rule("secure.test", prefix("/app", "s-app")).build(),
                    ingress("web/plain", 1).rule("plain.test", prefix("/", "s-plain")).build()),
            "merge", List.of(
                    ingress("shop/a", 0).rule("merged.test", prefix("/a", "m-a"), prefix("/dup", "m-dup-old")).build(),
                    ingress("blog/b", 1).rule("merged.test", prefix("/b", "m-b"), prefix("/dup", "m-dup-new")).build()));

    static Stream<Arguments> requests() {
        return Stream.of(
                // Exact: the whole path, trailing slash significant, case-sensitive
                // special characters are matched as written; a regex-looking ImplementationSpecific path is a literal prefix
                row("literal", "http://literal.test/sale-50%", "svc:web/l-sale"),
                row("literal", "http://literal.test/sale-50%/x", "svc:web/l-sale"),
                row("literal", "http://literal.test/sale-50", NOT_FOUND),
                row("literal", "http://literal.test/c++", "svc:web/l-cpp"),
                row("literal", "http://literal.test/c", NOT_FOUND),
                row("literal", "http://literal.test/café/menu", "svc:web/l-cafe"),
                row("literal", "http://literal.test/api/.*", "svc:web/l-regex"),
                row("literal", "http://literal.test/api/v1", NOT_FOUND),
                row("paths", "http://exact.test/foo", "svc:web/e-foo"),
                row("paths", "http://exact.test/foo/", "svc:web/e-foo-slash"),
                row("paths", "http://exact.test/foo/bar", NOT_FOUND),
                row("paths", "http://exact.test/fo", NOT_FOUND),
                row("paths", "http://exact.test/FOO", NOT_FOUND),
                // Prefix: element-wise, longest wins, / matches everything, the query is not part of the path
                row("paths", "http://prefix.test/aaa", "svc:web/p-aaa"),
                row("paths", "http://prefix.test/aaa/", "svc:web/p-aaa"),
                row("paths", "http://prefix.test/aaa/ccc", "svc:web/p-aaa"),
                row("paths", "http://prefix.test/aaaccc", "svc:web/p-root"),
                row("paths", "http://prefix.test/aaa/bbb", "svc:web/p-bbb"),
                row("paths", "http://prefix.test/aaa/bbb/ccc", "svc:web/p-bbb"),
                row("paths", "http://prefix.test/aaa/bbbxyz", "svc:web/p-aaa"),
                row("paths", "http://prefix.test/ccc", "svc:web/p-root"),
                row("paths", "http://prefix.test/", "svc:web/p-root"),
                row("paths", "http://prefix.test/aaa?next=/aaa/bbb", "svc:web/p-aaa"),
                // a Prefix path's trailing slash is ignored
                row("paths", "http://trailing.test/foo", "svc:web/t-foo"),
                row("paths", "http://trailing.test/foo/", "svc:web/t-foo"),
                row("paths", "http://trailing.test/foo/x", "svc:web/t-foo"),
                row("paths", "http://trailing.test/foox", NOT_FOUND),
                // Exact beats Prefix at equal length
                row("paths", "http://mixed.test/foo", "svc:web/m-exact"),
                row("paths", "http://mixed.test/foo/", "svc:web/m-prefix"),
                row("paths", "http://mixed.test/foo/x", "svc:web/m-prefix"),
                // paths are case-sensitive
                row("paths", "http://case.test/Foo", "svc:web/c-foo"),
                row("paths", "http://case.test/Foo/bar", "svc:web/c-foo"),
                row("paths", "http://case.test/foo", NOT_FOUND),
                // ImplementationSpecific is treated as Prefix
                row("paths", "http://impl.test/impl/x", "svc:web/i-impl"),
                row("paths", "http://impl.test/implx", NOT_FOUND),
                // hosts: case-insensitive, port ignored, wildcard = one label, precise before wildcard
                row("hosts", "http://foo.test/x", "svc:web/h-foo"),
                row("hosts", "http://FOO.Test/x", "svc:web/h-foo"),
                row("hosts", "http://foo.test:80/x", "svc:web/h-foo"),
                row("hosts", "https://foo.test:443/x", "svc:web/h-foo"),
                row("hosts", "http://bar.wild.test/", "svc:web/h-wild"),
                row("hosts", "http://bar.wild.test:80/", "svc:web/h-wild"),
                row("hosts", "http://www.wild.test/", "svc:web/h-www"),
                row("hosts", "http://x.deep.wild.test/", "svc:web/h-deep"),
                row("hosts", "http://wild.test/", NOT_FOUND),
                // a rule without host: every host, after the host-specific rules
                row("hosts", "http://other.test/hostless", "svc:web/h-hostless"),
                row("hosts", "http://10.0.0.1/hostless", "svc:web/h-hostless"),
                row("hosts", "http://foo.test/hostless", "svc:web/h-foo"),
                row("hosts", "http://api.test/api", "svc:web/h-api"),
                row("hosts", "http://api.test/hostless", "svc:web/h-hostless"),
                row("hosts", "http://bar.wild.test/hostless", "svc:web/h-wild"),
                // unmatched → 404
                row("hosts", "http://api.test/other", NOT_FOUND),
                row("hosts", "http://other.test/x", NOT_FOUND),
                // default backend: requests matching no rule; the oldest claimant wins; host-less rules come first
                row("default-backend", "http://site.test/app", "svc:web/d-app"),
                row("default-backend", "http://site.test/other", "svc:web/d-default"),
                row("default-backend", "http://unknown.test/", "svc:web/d-default"),
                row("default-backend", "http://site.test/any", "svc:web/d-any"),
                row("default-backend", "http://unknown.test/any/x", "svc:web/d-any"),
                row("default-backend-only", "http://anything.test/x", "svc:web/o-default"),
                row("default-backend-only", "http://10.0.0.1/", "svc:web/o-default"),
                // TLS: HTTPS with the SNI child, plain HTTP redirected, nothing else disturbed
                row("tls", "https://secure.test/app", "svc:web/s-app"),
                row("tls", "https://secure.test/other", NOT_FOUND),
                row("tls", "http://secure.test/app", REDIRECT),
                row("tls", "http://secure.test:80/app", REDIRECT),
                row("tls", "http://plain.test/", "svc:web/s-plain"),
                // hosts merge across Ingresses and namespaces; the oldest Ingress wins a duplicate path
                row("merge", "http://merged.test/a", "svc:shop/m-a"),
                row("merge", "http://merged.test/b", "svc:blog/m-b"),
                row("merge", "http://merged.test/dup", "svc:shop/m-dup-old"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("requests")
    void requestReachesTheBackendTheIngressSpecificationSays(String scenario, String url, String expected) {
        List<Runnable> checks = new ArrayList<>();
        for (String size : List.of("SMALL", "LARGE")) {
            AviRouter router = router(scenario, size);
            for (SetReading sets : SetReading.values()) {
                for (PortReading ports : PortReading.values()) {
                    checks.add(() -> assertThat(router.route(url, sets, ports)).as("%s shards, %s, %s", size, sets, ports).isEqualTo(expected));
                }
            }
        }
        assertAll(checks.stream().map(c -> c::run));
    }

    /**
     * Residual difference: Avi's host matches have no regular expression, so {@code *.wild.test} is HDR_ENDS_WITH
     * {@code .wild.test}; a name with two labels under it that no more precise host serves reaches the wildcard's
     * backend, where the Ingress specification would give a 404. Documented in
     * docs/ingress-to-avi.md#differences-from-the-specification.
     */
    @Test
    void wildcardAlsoCoversNamesWithMoreLabelsWhenNoMorePreciseHostServesThem() {
        for (SetReading sets : SetReading.values()) {
            assertThat(router("hosts", "SMALL").route("http://a.b.wild.test/", sets, PortReading.HOST_PORT_KEPT)).isEqualTo("svc:web/h-wild");
        }
    }

    private static Arguments row(String scenario, String url, String expected) {
        return Arguments.of(scenario, url, expected);
    }

    private static final Map<String, AviRouter> ROUTERS = new HashMap<>();

    private static synchronized AviRouter router(String scenario, String shardSize) {
        return ROUTERS.computeIfAbsent(scenario + "/" + shardSize, k -> {
            List<HasMetadata> objects = new ArrayList<>(SCENARIOS.get(scenario));
            Set<String> services = new TreeSet<>();
            for (Ingress ingress : SCENARIOS.get(scenario)) {
                String ns = ingress.getMetadata().getNamespace();
                if (ingress.getSpec().getDefaultBackend() != null) {
                    services.add(ns + "/" + ingress.getSpec().getDefaultBackend().getService().getName());
                }
                ingress.getSpec().getRules().forEach(r -> r.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend)
                        .forEach(b -> services.add(ns + "/" + b.getService().getName())));
                if (!ingress.getSpec().getTls().isEmpty()) {
                    objects.add(K8s.tlsSecret(ns + "/" + ingress.getSpec().getTls().get(0).getSecretName()));
                }
            }
            int ip = 1;
            for (String service : services) {
                objects.addAll(K8s.serviceWithEndpoint(service, "192.168.0." + ip++));
            }
            List<ShardModel> shards = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), objects),
                    K8s.settings("L7Settings.shardVSSize=" + shardSize));
            return new AviRouter(shards);
        });
    }
}
