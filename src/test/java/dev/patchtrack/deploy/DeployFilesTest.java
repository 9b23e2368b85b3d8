package dev.patchtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.patchtrack.config.LwnConfig;
import dev.patchtrack.config.PatchtrackConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of deploy/ and docs/operations.md without Docker or a cluster: the YAML
 * parses, the Deployment has replicas, probes and requests, every setting named exists, every
 * patchtrack setting is documented, and the Dockerfile copies what the build produces.
 */
class DeployFilesTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Path OPERATIONS = Path.of("docs", "operations.md");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // a JDBC driver's own property names are camelCase (sslResponseTimeout)
    static final Pattern SETTING = Pattern.compile("\\b((?:patchtrack|quarkus)\\.[a-z0-9.<>\\-]*(?:[a-zA-Z0-9]*[a-z0-9>]))");
    static final Pattern ENV = Pattern.compile("\\b((?:PATCHTRACK|QUARKUS)_[A-Z0-9_]+)\\b");
    /** Settings Quarkus reads that application.properties need not mention. */
    static final Set<String> QUARKUS_BUILTIN = Set.of("quarkus.profile", "quarkus.log.level");

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("compose.yaml", "deployment.yaml", "service.yaml", "configmap.yaml", "secret.example.yaml");
        for (Path f : files) {
            assertThat(documents(f)).as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void theDeploymentRunsSeveralReplicasWithProbesAndRequests() throws IOException {
        JsonNode d = kind("Deployment");
        assertThat(d.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode c = d.at("/spec/template/spec/containers/0");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(c.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(c.at("/resources/limits/memory").asText()).isNotBlank();
        // the probes and the Service reach the port the container declares
        String portName = c.at("/ports/0/name").asText();
        assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo(portName);
        assertThat(kind("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo(portName);
        // configuration comes from the ConfigMap and the Secret that deploy/ defines
        List<String> refs = new ArrayList<>();
        c.at("/envFrom").forEach(e -> refs.add(e.has("configMapRef") ? "ConfigMap/" + e.at("/configMapRef/name").asText()
                : "Secret/" + e.at("/secretRef/name").asText()));
        assertThat(refs).containsExactlyInAnyOrder("ConfigMap/" + kind("ConfigMap").at("/metadata/name").asText(),
                "Secret/" + kind("Secret").at("/metadata/name").asText());
        // the selector picks the pods of the template
        assertThat(kind("Service").at("/spec/selector")).isEqualTo(d.at("/spec/template/metadata/labels"));
        assertThat(d.at("/spec/selector/matchLabels")).isEqualTo(d.at("/spec/template/metadata/labels"));
    }

    @Test
    void composeRunsTheServiceOnPostgres() throws IOException {
        JsonNode compose = documents(DEPLOY.resolve("compose.yaml")).get(0);
        assertThat(compose.at("/services/db/image").asText()).startsWith("postgres:15");
        JsonNode svc = compose.at("/services/patchtrack");
        assertThat(svc.at("/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
        assertThat(svc.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://db:5432/");
        assertThat(svc.at("/environment/QUARKUS_PROFILE").asText()).isEqualTo("pg");
    }

    @Test
    void everySettingNamedInDeployAndOperationsExists() throws IOException {
        Set<String> known = patchtrackSettings();
        Set<String> properties = applicationProperties();
        List<String> unknown = new ArrayList<>();
        for (Path f : textFiles()) {
            String text = Files.readString(f);
            Matcher m = SETTING.matcher(text);
            while (m.find()) {
                String s = placeholders(m.group(1));
                if (s.endsWith(".md") || s.endsWith(".yaml") || s.endsWith(".json") || s.startsWith("quarkus.profile=")) {
                    continue;
                }
                boolean ok = s.startsWith("patchtrack.") ? known.contains(s) : properties.contains(s) || QUARKUS_BUILTIN.contains(s);
                if (!ok) {
                    unknown.add(f + ": " + s);
                }
            }
            Matcher e = ENV.matcher(text);
            while (e.find()) {
                String env = e.group(1);
                boolean ok = known.stream().anyMatch(s -> env(s).equals(env))
                        || properties.stream().anyMatch(s -> env(s).equals(env))
                        || QUARKUS_BUILTIN.stream().anyMatch(s -> env(s).equals(env))
                        || env.matches("PATCHTRACK_SOURCES_[A-Z0-9_]+_(BASE_URL|INBOX|MODE|QUERY|SCHEDULE|STALE_AFTER|ENABLED)")
                        || env.equals("PATCHTRACK_DB_PASSWORD"); // compose's own variable, not a setting
                if (!ok) {
                    unknown.add(f + ": " + env);
                }
            }
        }
        assertThat(unknown).as("settings that exist neither in PatchtrackConfig nor in application.properties").isEmpty();
    }

    @Test
    void operationsDocumentsEveryPatchtrackSetting() throws IOException {
        String doc = placeholders(Files.readString(OPERATIONS));
        List<String> missing = patchtrackSettings().stream().filter(s -> !doc.contains("`" + s + "`")).toList();
        assertThat(missing).isEmpty();
        assertThat(doc).contains("## Scaling out", "## Upgrades", "## Backup", "## Metrics to watch", "/q/metrics",
                "pg_dump", "reclassify", "Flyway", "Quartz");
    }

    @Test
    void theDockerfileCopiesTheBuildLayout() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        assertThat(lines).anyMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
        assertThat(lines).anyMatch(l -> l.startsWith("USER ") && !l.contains("root") && !l.strip().equals("USER 0"));
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK") || l.contains("/q/health/live"));
        List<String> sources = lines.stream().filter(l -> l.startsWith("COPY"))
                .map(l -> l.split("\\s+")).map(parts -> parts[parts.length - 2]).toList();
        assertThat(sources).contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
        // these are the directories Quarkus builds (the same layout the *IT tests run)
        Path app = Path.of("target", "quarkus-app");
        if (Files.isDirectory(app)) {
            for (String s : sources) {
                Path p = Path.of(s.replace("*.jar", ""));
                assertThat(p).as(s).exists();
            }
            assertThat(app.resolve("quarkus-run.jar")).exists();
        }
        String entry = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertThat(entry).contains("/app/quarkus-run.jar");
    }

    // ---- helpers -------------------------------------------------------------------------------

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static List<Path> textFiles() throws IOException {
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            List<Path> all = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            all.add(OPERATIONS);
            return all;
        }
    }

    static List<JsonNode> documents(Path f) throws IOException {
        try (var parser = YAML.getFactory().createParser(f.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
            return docs;
        }
    }

    static JsonNode kind(String kind) throws IOException {
        for (Path f : yamlFiles()) {
            for (JsonNode d : documents(f)) {
                if (kind.equals(d.path("kind").asText())) {
                    return d;
                }
            }
        }
        return MissingNode.getInstance();
    }

    static String env(String setting) {
        return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static Set<String> applicationProperties() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            p.load(in);
        }
        Set<String> names = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            names.add(k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k);
        }
        return names;
    }

    /** A map key's placeholder, whatever a document calls it, written the one way the settings are. */
    static String placeholders(String text) {
        return text.replaceAll("<[a-z-]+>", "<key>");
    }

    /** Every patchtrack.* name the config mappings read; a map key is written {@code <key>} (documents may name it {@code <list>}, {@code <name>} ...). */
    static Set<String> patchtrackSettings() {
        Set<String> names = new TreeSet<>();
        walk(PatchtrackConfig.class.getAnnotation(ConfigMapping.class).prefix(), PatchtrackConfig.class, names);
        walk(LwnConfig.class.getAnnotation(ConfigMapping.class).prefix(), LwnConfig.class, names);
        return names;
    }

    private static void walk(String prefix, Class<?> type, Set<String> names) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = prefix + "." + (m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value()
                    : kebab(m.getName()));
            Type t = m.getGenericReturnType();
            Class<?> raw = m.getReturnType();
            if (raw == Map.class) {
                Type value = ((ParameterizedType) t).getActualTypeArguments()[1];
                walk(name + ".<key>", (Class<?>) value, names);
            } else if (raw.isInterface() && raw.getDeclaringClass() != null && raw != Optional.class && raw != List.class) {
                walk(name, raw, names);
            } else {
                names.add(name);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
