package com.webshop.ivrhooks.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses the Kubernetes manifests into fabric8's typed models, so a typo fails the build, and checks
 * that they agree with the application: ports, probe paths, security settings.
 */
class KubernetesManifestsTest {

    private static final Path BASE = Path.of("deploy/k8s/base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static <T> T read(String file, Class<T> type) throws IOException {
        T resource = YAML.readValue(BASE.resolve(file).toFile(), type);
        assertNoUnknownFields(resource, file, Collections.newSetFromMap(new IdentityHashMap<>()));
        return resource;
    }

    /** fabric8 keeps unknown fields in additionalProperties instead of failing; a typo lands there. */
    private static void assertNoUnknownFields(Object node, String where, Set<Object> seen) {
        if (node == null || !seen.add(node) || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("unknown fields in %s at %s", where,
                        node.getClass().getSimpleName()).isNullOrEmpty();
            } else if (value instanceof Collection<?> values) {
                values.forEach(v -> assertNoUnknownFields(v, where, seen));
            } else if (value instanceof Map<?, ?> values) {
                values.values().forEach(v -> assertNoUnknownFields(v, where, seen));
            } else {
                assertNoUnknownFields(value, where, seen);
            }
        }
    }

    private static JsonNode applicationYaml() throws IOException {
        return YAML.readTree(Path.of("src/main/resources/application.yml").toFile());
    }

    private static Container container() throws IOException {
        return read("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static int portNamed(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        List<String> files;
        try (var listing = Files.list(BASE)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")).sorted()
                    .toList();
        }
        assertThat(kustomization.get("resources")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void shouldExposeTheApplicationsPorts() throws IOException {
        JsonNode application = applicationYaml();
        Container container = container();

        assertThat(portNamed(container, "http")).isEqualTo(application.at("/server/port").asInt());
        assertThat(portNamed(container, "management")).isEqualTo(application.at("/management/server/port").asInt());
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("MANAGEMENT_SERVER_PORT");
            assertThat(env.getValue()).isEqualTo(String.valueOf(portNamed(container, "management")));
        });
        Service service = read("service.yaml", Service.class);
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
    }

    @Test
    void shouldProbeTheActuatorHealthGroupsOnTheManagementPort() throws IOException {
        JsonNode application = applicationYaml();
        assertThat(application.at("/management/endpoint/health/probes/enabled").asBoolean()).isTrue();
        assertThat(application.at("/management/endpoints/web/exposure/include").asText()).contains("health");
        Container container = container();

        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe())) {
            HTTPGetAction get = probe.getHttpGet();
            assertThat(get.getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(get.getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isPositive();
        assertThat(application.at("/management/endpoint/health/group/readiness/include").asText()).contains("redis");
    }

    @Test
    void shouldRunLockedDownWithRequestsAndLimits() throws IOException {
        Deployment deployment = read("deployment.yaml", Deployment.class);
        Container container = container();

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
        });
    }

    @Test
    void shouldMountTheCredentialsWhereTheServiceReadsThem() throws IOException {
        Container container = container();
        String secretsDir = container.getEnv().stream().filter(e -> e.getName().equals("IVR_SECRETS_DIR"))
                .findFirst().orElseThrow().getValue();

        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("credentials");
            assertThat(mount.getMountPath()).isEqualTo(secretsDir);
        });
        assertThat(read("configmap.yaml", ConfigMap.class).getData()).containsKey("SPRING_DATA_REDIS_HOST");
    }

    @Test
    void shouldOfferSentinelAndClusterRedisSettingsAsConfigMapPatches() throws IOException {
        Path overlay = Path.of("deploy/k8s/overlays/example");
        ConfigMap sentinel = YAML.readValue(overlay.resolve("redis-sentinel.yaml").toFile(), ConfigMap.class);
        ConfigMap cluster = YAML.readValue(overlay.resolve("redis-cluster.yaml").toFile(), ConfigMap.class);

        assertThat(sentinel.getMetadata().getName()).isEqualTo("ivr-hooks-redis");
        assertThat(sentinel.getData()).containsKeys("SPRING_DATA_REDIS_SENTINEL_MASTER", "SPRING_DATA_REDIS_SENTINEL_NODES");
        assertThat(cluster.getMetadata().getName()).isEqualTo("ivr-hooks-redis");
        assertThat(cluster.getData()).containsKey("SPRING_DATA_REDIS_CLUSTER_NODES");
        assertNoUnknownFields(sentinel, "redis-sentinel.yaml", Collections.newSetFromMap(new IdentityHashMap<>()));
        assertNoUnknownFields(cluster, "redis-cluster.yaml", Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @Test
    void shouldKeepAvailabilityAndScaleOnCpu() throws IOException {
        assertThat(read("poddisruptionbudget.yaml", PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
                .isEqualTo(1);
        HorizontalPodAutoscaler hpa = read("horizontalpodautoscaler.yaml", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("ivr-hooks");
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
    }

    @Test
    void shouldAllowInOnlyTheHooksPortAndOutOnlyRedisAndDns() throws IOException {
        NetworkPolicy policy = read("networkpolicy.yaml", NetworkPolicy.class);

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule ->
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(8080));
        assertThat(policy.getSpec().getEgress()).flatExtracting(rule -> rule.getPorts())
                .extracting(p -> p.getPort().getIntVal()).containsExactlyInAnyOrder(6379, 26379, 53, 53);
    }
}
