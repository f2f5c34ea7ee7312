package com.eplly.deploy.service;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Command lines of child JVMs, run with the same Java as this one. */
public final class JavaCommand {

  private static final String DEPLOY_PROPERTIES = "/eplly-deploy.properties";

  private JavaCommand() {}

  /** {@code $JAVA_HOME/bin/java} of the running JVM, so children use the same JDK. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java <flags> -jar <jar> <args>}. */
  public static List<String> jar(List<String> jvmFlags, Path jar, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmFlags);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    return cmd;
  }

  /** {@code java <flags> -cp <classpath> <mainClass> <args>}. */
  public static List<String> main(List<String> jvmFlags, List<String> classpath, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** The flags Spark needs on JDK 17+, as chosen in the root pom ({@code spark.jvm.flags}). */
  public static List<String> sparkFlags() {
    Properties p = new Properties();
    try (InputStream in = JavaCommand.class.getResourceAsStream(DEPLOY_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(DEPLOY_PROPERTIES + " is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String flags = p.getProperty("spark.jvm.flags", "").trim();
    if (flags.isEmpty() || flags.startsWith("${")) {
      throw new IllegalStateException("spark.jvm.flags was not filled in by the build");
    }
    return Arrays.asList(flags.split("\\s+"));
  }
}
