package com.eplly.deploy.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the packaged processes of the other modules are, relative to the repository root. */
public record RepoLayout(Path root) {

  public RepoLayout {
    root = root.toAbsolutePath().normalize();
  }

  public Path ingestJar() {
    return root.resolve("ingest/target/ingest-exec.jar");
  }

  public Path apiJar() {
    return root.resolve("api/target/api-exec.jar");
  }

  public Path recommenderJar() {
    return root.resolve("recommender/target/recommender.jar");
  }

  /** The recommender's runtime dependencies (Spark and friends), copied there by its build. */
  public Path recommenderLib() {
    return root.resolve("recommender/target/lib");
  }

  /** Fails with the list of missing artifacts and the command that builds them. */
  public void requireBuilt() {
    requireBuilt(List.of(ingestJar(), apiJar(), recommenderJar(), recommenderLib()));
  }

  /** As {@link #requireBuilt()}, for what Spark jobs need: the recommender jar and its dependencies. */
  public void requireRecommenderBuilt() {
    requireBuilt(List.of(recommenderJar(), recommenderLib()));
  }

  /** Fails with the list of {@code needed} artifacts that are missing and the command that builds them. */
  public void requireBuilt(List<Path> needed) {
    List<String> missing = new ArrayList<>();
    for (Path p : needed) {
      // A jar of a few bytes is an unfinished build (another build may be writing it right now).
      if (!Files.exists(p) || (Files.isRegularFile(p) && sizeOf(p) < 1024)) {
        missing.add(root.relativize(p).toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("not built yet: " + String.join(", ", missing)
          + " - run `mvn -B -DskipTests install` in " + root + " (or deploy/bin/local-up --build)");
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
