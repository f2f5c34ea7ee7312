package com.eplly.bench.train;

import com.eplly.bench.ingest.CpuMeter;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.StepFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one child JVM to its end while watching it: its peak resident memory ({@code VmHWM} of
 * {@code /proc/PID/status}, the kernel's own high-water mark, so polling misses nothing but the
 * last moments), its CPU seconds, and its log, whose progress lines are echoed as they come.
 */
final class MeasuredRun {

  private static final Duration POLL = Duration.ofMillis(250);

  private final PrintStream out;
  private final String prefix;

  MeasuredRun(PrintStream out, String prefix) {
    this.out = out;
    this.prefix = prefix;
  }

  /** What a finished child cost. */
  record Cost(double wallSeconds, double cpuSeconds, long peakRssBytes) {}

  /** Runs {@code command}; throws when it fails or outlives {@code timeout}. */
  Cost run(String name, List<String> command, Path workDir, Path log, Duration timeout) {
    long started = System.nanoTime();
    long peakKb = 0;
    double cpu = 0;
    long echoed = 0;
    try (ChildProcess child = ChildProcess.start(name, command, workDir, log)) {
      Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
      while (child.isAlive()) {
        peakKb = Math.max(peakKb, highWaterMarkKb(status));
        cpu = Math.max(cpu, CpuMeter.process(child.pid()));
        echoed = echoNewLines(log, echoed);
        if (System.nanoTime() - started > timeout.toNanos()) {
          throw new StepFailedException(name + " did not finish within " + timeout, child);
        }
        sleep();
      }
      int exit = child.awaitExit(Duration.ofSeconds(10));
      echoNewLines(log, echoed);
      if (exit != 0) {
        throw new StepFailedException(name + " exited with " + exit, child);
      }
      return new Cost((System.nanoTime() - started) / 1e9, cpu, peakKb * 1024);
    }
  }

  /** {@code VmHWM} in kB; 0 once the process is gone or where /proc does not exist. */
  static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      // the process ended between two polls
    }
    return 0;
  }

  /** Prints the log's complete lines after byte {@code from}, except Spark's warnings; returns the new position. */
  private long echoNewLines(Path log, long from) {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      if (f.length() <= from) {
        return from;
      }
      byte[] bytes = new byte[(int) Math.min(f.length() - from, 1 << 20)];
      f.seek(from);
      f.readFully(bytes);
      int end = lastNewline(bytes);
      if (end < 0) {
        return from;
      }
      for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.contains(" WARN ") && !line.startsWith("$ ")) {
          out.println(prefix + line);
        }
      }
      return from + end + 1;
    } catch (IOException e) {
      return from;
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
