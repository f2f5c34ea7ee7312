package com.eplly.deploy.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every object in deploy/k8s read into fabric8's typed Kubernetes model (a misspelt field fails, it
 * does not vanish), and the references between the objects resolve: ConfigMaps, claims and secrets
 * named by the workloads, Service selectors and ports, probe ports, volume mounts, $(VAR) arguments.
 * Which environment variables each module binds is {@link DeploymentFilesTest}'s part.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of(System.getProperty("eplly.repo.root", "..")).toAbsolutePath().normalize()
      .resolve("deploy/k8s");
  /** Created by hand (`kubectl create secret`, docs/deploy.md), never in the manifests: references must be optional. */
  private static final Set<String> EXTERNAL_SECRETS = Set.of("eplly-admin", "eplly-redis");

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void everyObjectIsATypedKindWithNoUnknownField() throws IOException {
    List<HasMetadata> objects = objects();
    assertEquals(Set.of("ConfigMap", "PersistentVolumeClaim", "Deployment", "Service", "CronJob"),
        new HashSet<>(objects.stream().map(HasMetadata::getKind).toList()));
    for (HasMetadata o : objects) {
      assertFalse(o instanceof GenericKubernetesResource, o.getKind() + " " + name(o) + " has no typed model: apiVersion "
          + o.getApiVersion());
      List<String> unknown = new ArrayList<>();
      unknownFields(o, o.getKind() + "/" + name(o), unknown, new IdentityHashMap<>());
      assertEquals(List.of(), unknown, "fields the Kubernetes API does not know");
    }
  }

  @Test
  void workloadsReferOnlyToObjectsThatExist() throws IOException {
    List<HasMetadata> objects = objects();
    Map<String, ConfigMap> configMaps = byName(objects, ConfigMap.class);
    Set<String> claims = byName(objects, PersistentVolumeClaim.class).keySet();
    int checked = 0;
    for (Map.Entry<String, PodTemplateSpec> w : podTemplates(objects).entrySet()) {
      for (Container c : w.getValue().getSpec().getContainers()) {
        for (EnvFromSource from : list(c.getEnvFrom())) {
          assertTrue(configMaps.containsKey(from.getConfigMapRef().getName()), w.getKey() + ": envFrom ConfigMap "
              + from.getConfigMapRef().getName());
          checked++;
        }
        for (EnvVar e : list(c.getEnv())) {
          if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = e.getValueFrom().getConfigMapKeyRef();
            assertTrue(configMaps.containsKey(ref.getName()) && configMaps.get(ref.getName()).getData().containsKey(ref.getKey()),
                w.getKey() + ": " + e.getName() + " from ConfigMap " + ref.getName() + " key " + ref.getKey());
            checked++;
          }
          if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
            var ref = e.getValueFrom().getSecretKeyRef();
            assertTrue(EXTERNAL_SECRETS.contains(ref.getName()) && Boolean.TRUE.equals(ref.getOptional()),
                w.getKey() + ": " + e.getName() + " reads secret " + ref.getName()
                    + ", which the manifests do not create: it must be a documented one and optional");
            checked++;
          }
        }
        Set<String> volumes = new HashSet<>(list(w.getValue().getSpec().getVolumes()).stream().map(Volume::getName).toList());
        c.getVolumeMounts().forEach(m -> assertTrue(volumes.contains(m.getName()), w.getKey() + ": mount of volume " + m.getName()));
      }
      for (Volume v : list(w.getValue().getSpec().getVolumes())) {
        if (v.getPersistentVolumeClaim() != null) {
          assertTrue(claims.contains(v.getPersistentVolumeClaim().getClaimName()), w.getKey() + ": claim "
              + v.getPersistentVolumeClaim().getClaimName());
          checked++;
        }
      }
    }
    assertTrue(checked >= 8, "the workloads take their settings and volumes from other objects");
  }

  @Test
  void servicesSelectPodsAndTheirPorts() throws IOException {
    List<HasMetadata> objects = objects();
    Map<String, Deployment> deployments = byName(objects, Deployment.class);
    for (Deployment d : deployments.values()) {
      assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
          .containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()), name(d) + ": selector matches its pod labels");
    }
    for (Service s : byName(objects, Service.class).values()) {
      List<Deployment> selected = deployments.values().stream()
          .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()))
          .toList();
      assertEquals(1, selected.size(), "Service " + name(s) + " selects the pods of one Deployment");
      List<ContainerPort> ports = selected.get(0).getSpec().getTemplate().getSpec().getContainers().stream()
          .flatMap(c -> list(c.getPorts()).stream()).toList();
      for (ServicePort p : s.getSpec().getPorts()) {
        assertTrue(exposes(ports, p.getTargetPort()), "Service " + name(s) + " port " + p.getName() + " targets "
            + p.getTargetPort() + ", which its pods expose");
      }
    }
  }

  @Test
  void probesAndArgumentsUseWhatTheContainerDeclares() throws IOException {
    Pattern var = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");
    for (Map.Entry<String, PodTemplateSpec> w : podTemplates(objects()).entrySet()) {
      for (Container c : w.getValue().getSpec().getContainers()) {
        for (Probe probe : Stream.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())
            .filter(p -> p != null && p.getHttpGet() != null).toList()) {
          assertTrue(exposes(list(c.getPorts()), probe.getHttpGet().getPort()), w.getKey() + ": probe port "
              + probe.getHttpGet().getPort());
        }
        Set<String> env = new HashSet<>(list(c.getEnv()).stream().map(EnvVar::getName).toList());
        for (String arg : Stream.concat(list(c.getCommand()).stream(), list(c.getArgs()).stream()).toList()) {
          Matcher m = var.matcher(arg);
          while (m.find()) {
            // Kubernetes leaves an undeclared $(NAME) as literal text in the argument
            assertTrue(env.contains(m.group(1)), w.getKey() + ": argument " + arg + " uses undeclared $(" + m.group(1) + ")");
          }
        }
      }
    }
  }

  // --- reading -------------------------------------------------------------------------------

  private List<HasMetadata> objects() throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList()) {
        for (String doc : Files.readString(f).split("(?m)^---\\s*$")) {
          if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
            out.add(serialization.unmarshal(doc));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, PodTemplateSpec> podTemplates(List<HasMetadata> objects) {
    Map<String, PodTemplateSpec> out = new java.util.TreeMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof Deployment d) {
        out.put("Deployment " + name(d), d.getSpec().getTemplate());
      } else if (o instanceof CronJob j) {
        out.put("CronJob " + name(j), j.getSpec().getJobTemplate().getSpec().getTemplate());
      }
    }
    return out;
  }

  private static boolean exposes(List<ContainerPort> ports, IntOrString port) {
    return ports.stream().anyMatch(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
        : port.getIntVal().equals(p.getContainerPort()));
  }

  /**
   * Paths of fields the model did not know: fabric8 keeps them in each object's additionalProperties
   * rather than failing, so they are looked for in the whole object graph.
   */
  private static void unknownFields(Object node, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        unknownFields(e, path + "[" + i++ + "]", out, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(path + "." + getter.getName(), e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(k -> out.add(path + "." + k));
      } else {
        unknownFields(value, path + "." + getter.getName().substring(3), out, seen);
      }
    }
  }

  private static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> objects, Class<T> type) {
    Map<String, T> out = new java.util.HashMap<>();
    objects.stream().filter(type::isInstance).map(type::cast).forEach(o -> out.put(name(o), o));
    return out;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }
}
