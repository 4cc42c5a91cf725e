package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} must be valid and follow the deployment's rules. A compose validator runs when one is
 * installed ({@code docker-compose} from Debian's package, or the {@code docker compose} plugin), which needs no
 * engine; the structural rules are checked here in any case, so the check never passes on nothing.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE =
            Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();
    private static final String GATEWAY = "api-gateway";
    private static final List<String> OBSERVABILITY_TOOLS = List.of("prometheus", "grafana", "jaeger");
    private static final List<String> DASHBOARD_PANELS = List.of(
            "Orders per second",
            "Order placement latency",
            "Rejections by reason",
            "Event processor lag",
            "Circuit breaker states");

    @Test
    void validatesWithTheComposeValidatorWhenOneIsInstalled() throws Exception {
        Optional<List<String>> validator = composeValidator();
        assumeTrue(
                validator.isPresent(),
                "no compose validator on the PATH (apt-get install docker-compose); structural rules still checked");
        List<String> command = new ArrayList<>(validator.get());
        command.addAll(List.of("-f", COMPOSE_FILE.toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("%s says: %s", command, output).isZero();
    }

    @Test
    void givesEveryServiceAHealthcheck() throws IOException {
        services().forEach((name, service) -> assertThat(service)
                .as("service %s", name)
                .extractingByKey("healthcheck")
                .isNotNull()
                .satisfies(healthcheck -> assertThat(((Map<?, ?>) healthcheck).get("test"))
                        .as("healthcheck test of %s", name)
                        .isNotNull()));
    }

    @Test
    void publishesOnlyTheGatewayPortAndTheObservabilityTools() throws IOException {
        services().forEach((name, service) -> {
            if (!GATEWAY.equals(name) && !isObservabilityTool(service)) {
                assertThat(service).as("service %s publishes no port", name).doesNotContainKey("ports");
            }
            assertThat(service)
                    .as("service %s can be scaled: no fixed container name", name)
                    .doesNotContainKey("container_name");
        });
        assertThat(services().get(GATEWAY)).containsKey("ports");
    }

    @Test
    void startsServicesOnlyAfterHealthyDependencies() throws IOException {
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as("depends_on of %s names conditions", name).isInstanceOf(Map.class);
            ((Map<?, ?>) dependsOn).forEach((dependency, settings) -> {
                assertThat(services).as("%s depends on %s", name, dependency).containsKey((String) dependency);
                assertThat(((Map<?, ?>) settings).get("condition"))
                        .as("%s waits for %s", name, dependency)
                        .isEqualTo("service_healthy");
            });
        });
        assertThat(services.get(GATEWAY)).containsKey("depends_on");
    }

    /**
     * One Dockerfile for every image: the build context is the repository root, the build argument {@code SERVICE}
     * names the Maven module whose {@code -exec.jar} the image runs, and no module keeps a Dockerfile of its own.
     */
    @Test
    void buildsEveryServiceImageFromTheOneDockerfileWithItsModuleAsArgument() throws IOException {
        Path root = COMPOSE_FILE.getParent();
        List<String> built = new ArrayList<>();
        services().forEach((name, service) -> {
            Object build = service.get("build");
            if (build == null) {
                assertThat(service).as("service %s runs an image", name).containsKey("image");
                return;
            }
            assertThat(build).as("build of %s", name).isInstanceOf(Map.class);
            Map<?, ?> settings = (Map<?, ?>) build;
            assertThat(settings.get("context")).as("build context of %s", name).isEqualTo(".");
            assertThat(settings.get("dockerfile")).as("Dockerfile of %s", name).isNull();
            Object module = ((Map<?, ?>) settings.get("args")).get("SERVICE");
            assertThat(root.resolve(module + "/pom.xml"))
                    .as("module %s built for %s", module, name)
                    .isRegularFile();
            assertThat(root.resolve(module + "/pom.xml"))
                    .as("module %s packages an -exec.jar", module)
                    .content()
                    .contains("<classifier>exec</classifier>");
            built.add(module.toString());
        });
        assertThat(built).hasSize(7).doesNotHaveDuplicates();
        assertThat(root.resolve("Dockerfile"))
                .content()
                .contains("ARG SERVICE", "COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar");
        assertThat(root.resolve(".dockerignore")).content().contains("!*/target/*-exec.jar");
        try (var modules = Files.list(root)) {
            assertThat(modules.filter(Files::isDirectory).map(module -> module.resolve("Dockerfile")))
                    .as("Dockerfiles of single modules")
                    .noneMatch(Files::exists);
        }
    }

    @Test
    void runsEveryContextThePspSandboxAndTheGatewayOnAxonServerAndMongo() throws IOException {
        assertThat(services())
                .containsKeys(
                        "axonserver",
                        "mongo",
                        "order-command",
                        "order-query",
                        "inventory-context",
                        "payment-context",
                        "shipping-context",
                        "psp-sandbox",
                        GATEWAY);
    }

    @Test
    void keepsTheObservabilityToolsInAnOptionalProfileThatNothingElseNeeds() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services.entrySet().stream()
                        .filter(service -> isObservabilityTool(service.getValue()))
                        .map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(OBSERVABILITY_TOOLS.toArray(String[]::new));
        services.forEach((name, service) -> {
            if (!isObservabilityTool(service) && service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                assertThat(dependsOn.keySet().stream().map(Object::toString))
                        .as("%s depends on", name)
                        .doesNotContainAnyElementsOf(OBSERVABILITY_TOOLS);
            }
        });
    }

    @Test
    void mountsTheObservabilityConfigurationThatExists() throws IOException {
        services().forEach((name, service) -> {
            if (!isObservabilityTool(service) || !(service.get("volumes") instanceof List<?> volumes)) {
                return;
            }
            for (Object volume : volumes) {
                String source = volume.toString().split(":")[0];
                assertThat(source)
                        .as("%s mounts a file of this repository", name)
                        .startsWith("./");
                assertThat(COMPOSE_FILE.resolveSibling(source))
                        .as("%s mounts %s", name, source)
                        .exists();
            }
        });
    }

    /** Prometheus scrapes every service that runs the chassis, by its compose name. */
    @Test
    @SuppressWarnings("unchecked")
    void scrapesEveryBackendServiceOfTheComposeFile() throws IOException {
        Map<String, Object> prometheus;
        try (Reader reader =
                Files.newBufferedReader(COMPOSE_FILE.resolveSibling("observability/prometheus/prometheus.yml"))) {
            prometheus = new Yaml().load(reader);
        }
        List<String> scraped = ((List<Map<String, Object>>) prometheus.get("scrape_configs"))
                .stream()
                        .flatMap(job -> ((List<Map<String, Object>>) job.get("dns_sd_configs")).stream())
                        .flatMap(dns -> ((List<String>) dns.get("names")).stream())
                        .toList();
        assertThat(scraped)
                .containsExactlyInAnyOrder(
                        "order-command", "order-query", "inventory-context", "payment-context", "shipping-context");
        assertThat(services()).containsKeys(scraped.toArray(String[]::new));
    }

    /** The provisioned dashboard is valid JSON and every panel queries Prometheus. */
    @Test
    @SuppressWarnings("unchecked")
    void provisionsAFulfillmentDashboardWhosePanelsQueryPrometheus() throws IOException {
        Map<String, Object> dashboard = new Yaml()
                .load(Files.readString(
                        COMPOSE_FILE.resolveSibling("observability/grafana/dashboards/fulfillment.json")));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).extracting(panel -> panel.get("title")).contains(DASHBOARD_PANELS.toArray());
        panels.forEach(panel -> assertThat((List<Map<String, Object>>) panel.get("targets"))
                .as("queries of panel %s", panel.get("title"))
                .isNotEmpty()
                .allSatisfy(target -> assertThat(target.get("expr")).isNotNull()));
    }

    private static boolean isObservabilityTool(Map<String, Object> service) {
        return service.get("profiles") instanceof List<?> profiles && profiles.contains("observability");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    private static Optional<List<String>> composeValidator() throws InterruptedException {
        if (onPath("docker-compose")) {
            return Optional.of(List.of("docker-compose"));
        }
        if (onPath("docker") && succeeds(List.of("docker", "compose", "version"))) {
            return Optional.of(List.of("docker", "compose"));
        }
        return Optional.empty();
    }

    private static boolean onPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }

    private static boolean succeeds(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
