package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link LakeStorage} on a local (or mounted) file system through java.nio: each file is fsynced
 * before its rename, and its folder (and, once, the new hour and date folders) after it.
 */
public final class LocalLakeStorage implements LakeStorage {

  private final Path root;
  private final DirectorySync directories = new DirectorySync();
  private final String probeId = UUID.randomUUID().toString();

  public LocalLakeStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public List<String> listFiles(String relativeDir) throws IOException {
    Path dir = resolve(relativeDir);
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(LakeLayout.TEMP_PREFIX))
          .forEach(names::add);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    return names;
  }

  @Override
  public void publish(String relativeDir, String fileName, List<byte[]> lines) throws IOException {
    Path dir = resolve(relativeDir);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(LakeLayout.TEMP_PREFIX + fileName);
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      // The stream must not close the channel before force(): wrap without owning it.
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(new NonClosingChannel(channel)), 64 * 1024);
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
      channel.force(true);
    }
    Files.move(tmp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    // The rename and any new hour/date folders are durable only once their parent folders are synced.
    directories.afterRename(dir);
  }

  @Override
  public int deleteTemporaryFiles(String relativeDir, int partition) throws IOException {
    Path dir = resolve(relativeDir);
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> TemporaryFiles.ofPartition(p.getFileName().toString(), partition)).forEach(stale::add);
    } catch (NoSuchFileException e) {
      return 0;
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale.size();
  }

  @Override
  public Optional<String> writeProblem() {
    Path probe = root.resolve(TemporaryFiles.probeName(probeId));
    Path renamed = root.resolve(TemporaryFiles.probeName(probeId) + "-renamed");
    try {
      Files.createDirectories(root);
      deleteOldProbes();
      try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap(TemporaryFiles.PROBE_CONTENT));
        channel.force(true);
      }
      Files.move(probe, renamed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      DirectorySync.sync(root);
      Files.delete(renamed);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      deleteQuietly(probe);
      deleteQuietly(renamed);
    }
  }

  /** Probe files of crashed processes (any instance) sit in the root only; an hour old means abandoned. */
  private void deleteOldProbes() throws IOException {
    long before = System.currentTimeMillis() - TemporaryFiles.ABANDONED_PROBE_AGE.toMillis();
    try (Stream<Path> files = Files.list(root)) {
      for (Path p : files.filter(p -> TemporaryFiles.isProbe(p.getFileName().toString())).toList()) {
        try {
          if (Files.getLastModifiedTime(p).toMillis() < before) {
            Files.deleteIfExists(p);
          }
        } catch (NoSuchFileException e) {
          // deleted meanwhile by its own process
        }
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      // the probe already failed or the file is gone; an hour-old leftover is removed by a later probe
    }
  }

  @Override
  public String location() {
    return root.toString();
  }

  private Path resolve(String relativeDir) {
    Path p = root.resolve(relativeDir).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("lake path escapes the root: " + relativeDir);
    }
    return p;
  }

  /** Lets a stream write to a channel whose lifetime is managed elsewhere. */
  private record NonClosingChannel(FileChannel delegate) implements java.nio.channels.WritableByteChannel {
    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
      return delegate.write(src);
    }

    @Override
    public boolean isOpen() {
      return delegate.isOpen();
    }

    @Override
    public void close() {
      // owned by the caller
    }
  }
}
