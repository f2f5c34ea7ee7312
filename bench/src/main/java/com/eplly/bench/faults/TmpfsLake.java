package com.eplly.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ingest lake on a small tmpfs of its own ({@code mount -t tmpfs}, which needs root), so a
 * filler file can use up its space and make lake writes fail with ENOSPC. Unmounted on close;
 * {@link #unmountStale} clears a mount a killed run left behind.
 */
public final class TmpfsLake implements AutoCloseable {

  private static final String FILLER = "fault-filler.bin";

  private final Path dir;
  private final boolean mounted;
  private final String why;

  private TmpfsLake(Path dir, boolean mounted, String why) {
    this.dir = dir;
    this.mounted = mounted;
    this.why = why;
  }

  /**
   * Mounts a tmpfs of {@code sizeMb} MB on {@code dir}. When that is impossible (not root, no
   * mount), the lake stays a plain folder and {@link #mounted()} says why: the lake-full case
   * then fails, the others run as usual.
   */
  public static TmpfsLake mount(Path dir, int sizeMb) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    String result = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m,mode=0755", "tmpfs", dir.toString()));
    if (result == null && isMountPoint(dir)) {
      return new TmpfsLake(dir, true, null);
    }
    return new TmpfsLake(dir, false, result == null ? "mount reported success but " + dir + " is no mount point" : result);
  }

  /** Unmounts whatever is mounted on {@code dir} (a previous run killed before its cleanup). */
  public static void unmountStale(Path dir) {
    if (isMountPoint(dir)) {
      unmount(dir);
    }
  }

  public Path dir() {
    return dir;
  }

  public boolean mounted() {
    return mounted;
  }

  /** Why the tmpfs is not there, or null. */
  public String whyNotMounted() {
    return why;
  }

  /**
   * Writes a filler file until the tmpfs refuses more (ENOSPC); returns its size in bytes.
   * Bounded by the tmpfs size, so it always ends.
   */
  public long fill() {
    Path filler = dir.resolve(FILLER);
    byte[] mb = new byte[1 << 20];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int size = mb.length; size >= 512; size /= 2) {
        try {
          while (true) {
            out.write(mb, 0, size);
            out.flush();
            written += size;
          }
        } catch (IOException full) {
          // no room for another block of this size: try a smaller one
        }
      }
    } catch (IOException e) {
      // closing a full file may fail too; the bytes written stay
    }
    return written;
  }

  /** Deletes the filler file; the lake has room again. */
  public void unfill() {
    try {
      Files.deleteIfExists(dir.resolve(FILLER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the filler in " + dir, e);
    }
  }

  @Override
  public void close() {
    if (mounted) {
      unmount(dir);
    }
  }

  private static void unmount(Path dir) {
    if (run(List.of("umount", dir.toString())) != null && isMountPoint(dir)) {
      // still busy (a process keeps a file open): detach it now, the kernel frees it when unused
      run(List.of("umount", "-l", dir.toString()));
    }
  }

  /** Whether {@code dir} is a mount point, from {@code /proc/self/mounts}. */
  static boolean isMountPoint(Path dir) {
    String target = dir.toAbsolutePath().normalize().toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
        String[] f = line.split(" ");
        if (f.length > 1 && f[1].replace("\\040", " ").equals(target)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Runs a command with a 20 s bound; null when it succeeded, else what went wrong. */
  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish within 20 s";
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 ? null : String.join(" ", command) + " failed (" + p.exitValue() + "): " + output;
    } catch (IOException e) {
      return "cannot run " + command.get(0) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while running " + command.get(0);
    }
  }
}
