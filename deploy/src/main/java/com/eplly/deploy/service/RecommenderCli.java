package com.eplly.deploy.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines of the recommender's data-team CLI, run directly with java (no bash needed) so the
 * stack and the tests work the same on every machine.
 *
 * @param redisUri {@code redis://host:port} (commands that publish or read versions)
 */
public record RecommenderCli(RepoLayout repo, String redisUri) {

  public static final String MAIN_CLASS = "com.eplly.recommender.cli.RecoCli";

  private static final String DEFAULT_HEAP = "1g";

  /** {@code train --publish} on the lake, with Spark on {@code local[2]}; the CLI names the version. */
  public List<String> trainAndPublish(Path lake, Path models) {
    return command(trainArgs(lake, models));
  }

  /** {@code train --publish --version <version>}: a chosen name, for callers that check it afterwards. */
  public List<String> trainAndPublish(Path lake, Path models, String version) {
    List<String> args = new ArrayList<>(trainArgs(lake, models));
    args.add("--version");
    args.add(version);
    return command(args);
  }

  /**
   * The stack's own trainings skip self-tuning: a demo lake is too young to hold a validation
   * window out, and the start must stay quick; {@code reco train --publish} by hand tunes.
   */
  private List<String> trainArgs(Path lake, Path models) {
    return List.of("train", "--publish", "--no-tune",
        "--lake", lake.toAbsolutePath().toString(),
        "--models", models.toAbsolutePath().toString(),
        "--redis", redisUri,
        "--master", "local[2]");
  }

  /** {@code generate}: a seeded portal of {@code views} page views written into a new lake folder. */
  public List<String> generate(Path lake, int views, long seed, String heap) {
    return command(List.of("generate", "--lake", lake.toAbsolutePath().toString(),
        "--views", String.valueOf(views), "--seed", String.valueOf(seed)), heap, List.of());
  }

  /**
   * {@code train --version <version>} on {@code local[2]} without publishing, with {@code -Xmx<heap>}
   * and any extra JVM flags (e.g. a flight recording).
   */
  public List<String> trainOnly(Path lake, Path models, String version, String heap, List<String> jvmFlags) {
    return command(List.of("train", "--no-tune",
        "--lake", lake.toAbsolutePath().toString(),
        "--models", models.toAbsolutePath().toString(),
        "--version", version,
        "--master", "local[2]"), heap, jvmFlags);
  }

  /** {@code experiment-report}: an experiment's figures from the lake, also written as JSON to {@code json}. */
  public List<String> experimentReport(Path lake, String name, Path json) {
    return command(List.of("experiment-report", "--lake", lake.toAbsolutePath().toString(), "--name", name,
        "--json", json.toAbsolutePath().toString(), "--redis", redisUri, "--master", "local[2]"));
  }

  public List<String> rollback() {
    return command(List.of("rollback", "--redis", redisUri));
  }

  public List<String> models() {
    return command(List.of("models", "--redis", redisUri));
  }

  /** Any {@code reco} command line, in this JVM's local mode (its {@code --master} flag applies). */
  public List<String> local(List<String> args) {
    return command(args);
  }

  /**
   * {@code reco} submitted with Spark's own launcher ({@code spark-submit}) to a cluster: the
   * driver runs here, the executors wherever the cluster manager puts them.
   *
   * @param master e.g. {@code spark://host:7077}
   */
  public List<String> submit(String master, List<String> args) {
    List<String> submitArgs = new ArrayList<>(List.of("--master", master, "--class", MAIN_CLASS,
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g",
        repo.recommenderJar().toString()));
    submitArgs.addAll(args);
    return JavaCommand.main(driverFlags(DEFAULT_HEAP), classpath(), "org.apache.spark.deploy.SparkSubmit", submitArgs);
  }

  private List<String> command(List<String> args) {
    return command(args, DEFAULT_HEAP, List.of());
  }

  private List<String> command(List<String> args, String heap, List<String> jvmFlags) {
    List<String> flags = driverFlags(heap);
    flags.addAll(jvmFlags);
    return JavaCommand.main(flags, classpath(), MAIN_CLASS, args);
  }

  private static List<String> driverFlags(String heap) {
    List<String> flags = new ArrayList<>(JavaCommand.sparkFlags());
    flags.add("-Xmx" + heap);
    return flags;
  }

  private List<String> classpath() {
    return List.of(repo.recommenderJar().toString(), repo.recommenderLib().resolve("*").toString());
  }
}
