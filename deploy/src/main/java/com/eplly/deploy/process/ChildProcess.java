package com.eplly.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process this JVM started, with its combined output going to one log file. */
public final class ChildProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir}, stdout and stderr appended to {@code log}. */
  public static ChildProcess start(String name, List<String> command, Path workDir, Path log) {
    return start(name, command, workDir, log, Map.of());
  }

  /** As {@link #start(String, List, Path, Path)}, with {@code env} added to this JVM's environment. */
  public static ChildProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> env) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      Process p = builder
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      return new ChildProcess(name, p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Waits for the process to end by itself. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw new StepFailedException(name + " did not finish within " + timeout, this);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new StepFailedException("interrupted while waiting for " + name, this);
    }
  }

  /** The last {@code lines} lines of the log, for error messages. */
  public String tail(int lines) {
    return LogTail.of(log, lines);
  }

  /** Asks the process (and its children) to end, then kills what is left after a grace period. */
  public void stop() {
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
