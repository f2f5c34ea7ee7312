package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** {@link LakeStorage} on a local (or mounted) file system through java.nio. */
public final class LocalLakeStorage implements LakeStorage {

  private static final int MAX_DURABLE_FOLDERS = 50_000;

  private final Path root;
  private final Set<Path> durableFolders = ConcurrentHashMap.newKeySet();

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
    syncDirectory(dir);
    // The hour and date folders' own entries need syncing once, not for every file published in them;
    // a folder counts as durable only after a sync completed (another thread may still be syncing it).
    if (!durableFolders.contains(dir)) {
      syncDirectory(dir.getParent());
      syncDirectory(dir.getParent().getParent());
      if (durableFolders.size() > MAX_DURABLE_FOLDERS) {
        durableFolders.clear(); // years of hours; forgetting only costs a few extra syncs
      }
      durableFolders.add(dir);
    }
  }

  @Override
  public int deleteTemporaryFiles() throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> stale;
    try (Stream<Path> all = Files.walk(root)) {
      stale = all.filter(p -> p.getFileName().toString().startsWith(LakeLayout.TEMP_PREFIX))
          .filter(Files::isRegularFile)
          .toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale.size();
  }

  @Override
  public boolean isWritable() {
    try {
      Files.createDirectories(root);
      return Files.isWritable(root);
    } catch (IOException e) {
      return false;
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

  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open folders for sync; the rename itself is still atomic there.
    }
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
