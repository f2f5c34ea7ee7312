package com.eplly.deploy.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Kubernetes manifests stay true to the build: every Deployment is
 * probed on actuator, every environment variable is a documented property of the module it
 * configures (Spring's relaxed binding), every image is one the build makes, at the pom's version.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("eplly.repo.root", "..")).toAbsolutePath().normalize();
  private static final Pattern IMAGE = Pattern.compile("eplly/([a-z]+):(.+)");

  @Test
  void everyDeploymentIsProbedOnActuator() throws IOException {
    List<Map<String, Object>> deployments = k8s().stream().filter(d -> "Deployment".equals(d.get("kind"))).toList();
    assertEquals(2, deployments.size(), "api and ingest");
    for (Map<String, Object> d : deployments) {
      for (Map<String, Object> c : containers(d)) {
        Set<Object> ports = new HashSet<>();
        for (Map<String, Object> p : list(c, "ports")) {
          ports.add(p.get("name"));
          ports.add(p.get("containerPort"));
        }
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          Map<String, Object> get = map(map(c, probe), "httpGet");
          assertTrue(String.valueOf(get.get("path")).startsWith("/actuator/health/"), name(d) + " " + probe + " path");
          assertTrue(ports.contains(get.get("port")), name(d) + " " + probe + " probes a port the container exposes");
        }
        assertFalse(map(map(c, "resources"), "requests").isEmpty(), name(d) + " has resource requests");
      }
    }
  }

  @Test
  void everyEnvironmentVariableMapsToADocumentedProperty() throws IOException {
    Map<String, Set<String>> allowed = Map.of(
        "ingest", envNames(ROOT.resolve("ingest/src/main/resources/application.yml")),
        "api", envNames(ROOT.resolve("api/src/main/resources/application.yml")),
        // The recommender takes flags; its image documents its few variables, and the train job
        // reads the lake and Redis settings of the Spring modules to pass them on as flags.
        "recommender", entrypointVariables());
    Set<String> shared = new HashSet<>(allowed.get("ingest"));
    shared.addAll(allowed.get("api"));
    Map<String, Map<String, Object>> configMaps = new java.util.HashMap<>();
    k8s().stream().filter(d -> "ConfigMap".equals(d.get("kind")))
        .forEach(cm -> configMaps.put(name(cm), map(cm, "data")));

    int checked = 0;
    for (Map<String, Object> doc : k8s()) {
      for (Map<String, Object> c : containers(doc)) {
        String module = module(String.valueOf(c.get("image")));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> e : list(c, "env")) {
          names.add(String.valueOf(e.get("name")));
          Map<String, Object> ref = map(map(e, "valueFrom"), "configMapKeyRef");
          if (!ref.isEmpty()) {
            assertTrue(configMaps.getOrDefault(String.valueOf(ref.get("name")), Map.of()).containsKey(String.valueOf(ref.get("key"))),
                name(doc) + ": ConfigMap " + ref.get("name") + " has " + ref.get("key"));
          }
        }
        for (Map<String, Object> from : list(c, "envFrom")) {
          Map<String, Object> ref = map(from, "configMapRef");
          assertTrue(configMaps.containsKey(String.valueOf(ref.get("name"))), "ConfigMap " + ref.get("name") + " exists");
          names.addAll(configMaps.get(String.valueOf(ref.get("name"))).keySet());
        }
        for (String env : names) {
          assertTrue(allowed.get(module).contains(env) || module.equals("recommender") && shared.contains(env),
              name(doc) + ": " + env + " is no documented setting of " + module);
          checked++;
        }
      }
    }
    for (Map.Entry<String, Map<String, Object>> service : composeServices().entrySet()) {
      Object image = service.getValue().get("image");
      if (image != null && IMAGE.matcher(image.toString()).matches()) {
        String module = module(image.toString());
        for (String env : map(service.getValue(), "environment").keySet()) {
          assertTrue(allowed.get(module).contains(env), "compose " + service.getKey() + ": " + env
              + " is no documented setting of " + module);
          checked++;
        }
      }
    }
    assertTrue(checked > 10, "the files set their configuration through the environment");
  }

  @Test
  void imagesAreTheBuildsOwnAtThePomVersion() throws IOException {
    String version = pomVersion();
    List<String> images = new ArrayList<>();
    for (Map<String, Object> doc : k8s()) {
      containers(doc).forEach(c -> images.add(String.valueOf(c.get("image"))));
    }
    composeServices().values().forEach(s -> images.add(String.valueOf(s.get("image"))));
    Set<String> modules = new HashSet<>();
    for (String image : images) {
      Matcher m = IMAGE.matcher(image);
      if (m.matches()) {
        assertEquals(version, m.group(2), image + " is tagged with the pom version");
        assertTrue(Files.exists(ROOT.resolve("deploy/docker/" + m.group(1) + ".Dockerfile")), image + " has a Dockerfile");
        assertTrue(Files.readString(ROOT.resolve("pom.xml")).contains("<module>" + m.group(1) + "</module>"),
            image + " is a module of the build");
        modules.add(m.group(1));
      }
    }
    assertEquals(Set.of("ingest", "api", "recommender"), modules);
    assertTrue(Files.readString(ROOT.resolve("deploy/bin/build-images")).contains("for image in ingest api recommender"));
  }

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    Map<String, Object> kustomization = new Yaml().load(Files.readString(ROOT.resolve("deploy/k8s/kustomization.yaml")));
    Set<String> listed = new HashSet<>();
    ((List<?>) kustomization.get("resources")).forEach(r -> listed.add(r.toString()));
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
      Set<String> present = new HashSet<>(files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).toList());
      assertEquals(present, listed);
    }
  }

  // --- reading -------------------------------------------------------------------------------

  private static List<Map<String, Object>> k8s() throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object doc : new Yaml().loadAll(Files.readString(f))) {
          if (doc instanceof Map<?, ?> m && m.containsKey("kind") && !"Kustomization".equals(m.get("kind"))) {
            docs.add(cast(m));
          }
        }
      }
    }
    return docs;
  }

  private static Map<String, Map<String, Object>> composeServices() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("deploy/docker-compose.yml")));
    Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
    map(compose, "services").forEach((k, v) -> out.put(k, cast(v)));
    return out;
  }

  /** The pod spec's containers of a Deployment or CronJob; empty for other kinds. */
  private static List<Map<String, Object>> containers(Map<String, Object> doc) {
    Map<String, Object> spec = map(doc, "spec");
    if ("CronJob".equals(doc.get("kind"))) {
      spec = map(map(spec, "jobTemplate"), "spec");
    } else if (!"Deployment".equals(doc.get("kind"))) {
      return List.of();
    }
    return list(map(map(spec, "template"), "spec"), "containers");
  }

  /**
   * Both environment spellings Spring binds to each property of an application.yml:
   * {@code eplly.ingest.lake-path} → {@code EPLLY_INGEST_LAKEPATH} and {@code EPLLY_INGEST_LAKE_PATH}.
   */
  private static Set<String> envNames(Path applicationYml) throws IOException {
    Set<String> names = new HashSet<>();
    flatten("", new Yaml().load(Files.readString(applicationYml)), names);
    Set<String> env = new HashSet<>();
    for (String p : names) {
      String upper = p.toUpperCase(Locale.ROOT).replace('.', '_');
      env.add(upper.replace("-", ""));
      env.add(upper.replace('-', '_'));
    }
    return env;
  }

  private static void flatten(String prefix, Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
    } else {
      out.add(prefix);
    }
  }

  /** Variables the recommender image's entrypoint documents and reads ({@code ${NAME…}}). */
  private static Set<String> entrypointVariables() throws IOException {
    Set<String> vars = new HashSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+)").matcher(Files.readString(ROOT.resolve("deploy/docker/recommender-entrypoint.sh")));
    while (m.find()) {
      vars.add(m.group(1));
    }
    return vars;
  }

  private static String pomVersion() throws IOException {
    Matcher m = Pattern.compile("(?m)^  <version>(.+)</version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertTrue(m.find(), "root pom has a version");
    return m.group(1);
  }

  private static String module(String image) {
    Matcher m = IMAGE.matcher(image);
    assertTrue(m.matches(), image + " is an eplly image");
    return m.group(1);
  }

  private static String name(Map<String, Object> doc) {
    return String.valueOf(map(doc, "metadata").get("name"));
  }

  private static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? Map.of() : cast(v);
  }

  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(e -> out.add(cast(e)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }
}
