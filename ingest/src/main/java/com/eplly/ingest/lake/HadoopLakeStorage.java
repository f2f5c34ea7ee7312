package com.eplly.ingest.lake;

import com.eplly.contracts.lake.LakeLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@link LakeStorage} on any Hadoop FileSystem ({@code file://}, {@code hdfs://}, {@code s3a://}
 * when its connector is on the classpath), with the same all-or-nothing publish as
 * {@link LocalLakeStorage}: temporary name, {@code hsync}, then a rename that replaces the target.
 *
 * <p>What "durable" means per scheme: on {@code file:} (the raw local file system) {@code hsync} is an
 * fsync of the file, and after the rename the folder (and, once, the new hour and date folders) is
 * fsynced through java.nio, exactly as {@link LocalLakeStorage} does. On HDFS {@code hsync} puts the
 * blocks on every replica's disk and the rename is a NameNode edit, logged durably before it returns;
 * nothing more can be synced from a client. On object stores (S3A) there is no rename: the file is
 * uploaded on close and copied to its final name, so it becomes visible whole or not at all;
 * {@code hsync} syncs nothing there (S3A downgrades it to a warning by default) and durability is
 * the store's once the upload completed.
 */
public final class HadoopLakeStorage implements LakeStorage {

  private final FileContext fc;
  private final Path root;
  private final boolean local;
  private final DirectorySync directories = new DirectorySync();
  private final String probeId = UUID.randomUUID().toString();

  /**
   * @param root   the lake root URI; a URI without scheme is a local folder
   * @param extra  Hadoop settings for this file system (e.g. {@code fs.s3a.endpoint}), over the defaults
   */
  public HadoopLakeStorage(URI root, Map<String, String> extra) {
    Configuration conf = new Configuration();
    // The checksummed local file system leaves a .crc file beside every lake file and its rename
    // is two renames; the raw one renames once and its hsync is an fsync.
    conf.set("fs.AbstractFileSystem.file.impl", "org.apache.hadoop.fs.local.RawLocalFs");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    extra.forEach(conf::set);
    try {
      Path path = new Path(root.getScheme() == null ? new java.io.File(root.getPath()).toURI() : root);
      this.fc = FileContext.getFileContext(path.toUri(), conf);
      this.root = fc.makeQualified(path);
      this.local = "file".equals(this.root.toUri().getScheme());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot open lake " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> listFiles(String relativeDir) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      RemoteIterator<FileStatus> it = fc.listStatus(resolve(relativeDir));
      while (it.hasNext()) {
        FileStatus status = it.next();
        String name = status.getPath().getName();
        if (status.isFile() && !name.startsWith(LakeLayout.TEMP_PREFIX)) {
          names.add(name);
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    }
    return names;
  }

  @Override
  public void publish(String relativeDir, String fileName, List<byte[]> lines) throws IOException {
    try {
      write(relativeDir, fileName, lines);
    } catch (FSError e) {
      // the local file system reports disk errors (ENOSPC, EIO) as an Error; to the caller it is an IO failure
      throw new IOException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
    }
  }

  private void write(String relativeDir, String fileName, List<byte[]> lines) throws IOException {
    Path dir = resolve(relativeDir);
    Path tmp = new Path(dir, LakeLayout.TEMP_PREFIX + fileName);
    try (FSDataOutputStream out = fc.create(tmp, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
        Options.CreateOpts.createParent(), Options.CreateOpts.perms(FsPermission.getFileDefault()))) {
      OutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
      for (byte[] line : lines) {
        buffered.write(line);
        buffered.write('\n');
      }
      buffered.flush();
      // Durable before the rename makes it visible: on HDFS all replicas have it on disk.
      out.hsync();
    }
    // Atomic on HDFS and local disks; on object stores a copy, which readers still never see half-done.
    fc.rename(tmp, new Path(dir, fileName), Options.Rename.OVERWRITE);
    if (local) {
      // as LocalLakeStorage: the rename and new hour/date folders reach the disk with their parents' fsync
      directories.afterRename(java.nio.file.Path.of(dir.toUri()));
    }
  }

  @Override
  public int deleteTemporaryFiles(String relativeDir, int partition) throws IOException {
    List<Path> stale = new ArrayList<>();
    try {
      RemoteIterator<FileStatus> it = fc.listStatus(resolve(relativeDir));
      while (it.hasNext()) {
        FileStatus status = it.next();
        if (status.isFile() && TemporaryFiles.ofPartition(status.getPath().getName(), partition)) {
          stale.add(status.getPath());
        }
      }
    } catch (FileNotFoundException e) {
      return 0;
    }
    for (Path p : stale) {
      fc.delete(p, false);
    }
    return stale.size();
  }

  @Override
  public Optional<String> writeProblem() {
    Path probe = new Path(root, TemporaryFiles.probeName(probeId));
    Path renamed = new Path(root, TemporaryFiles.probeName(probeId) + "-renamed");
    try {
      fc.mkdir(root, FsPermission.getDirDefault(), true);
      deleteOldProbes();
      try (FSDataOutputStream out = fc.create(probe, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
          Options.CreateOpts.perms(FsPermission.getFileDefault()))) {
        out.write(TemporaryFiles.PROBE_CONTENT);
        out.hsync();
      }
      fc.rename(probe, renamed, Options.Rename.OVERWRITE);
      if (local) {
        DirectorySync.sync(java.nio.file.Path.of(root.toUri()));
      }
      fc.delete(renamed, false);
      return Optional.empty();
    } catch (IOException | RuntimeException | FSError e) {
      Throwable cause = e instanceof FSError && e.getCause() != null ? e.getCause() : e;
      return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } finally {
      deleteQuietly(probe);
      deleteQuietly(renamed);
    }
  }

  /** Probe files of crashed processes (any instance) sit in the root only; an hour old means abandoned. */
  private void deleteOldProbes() throws IOException {
    long before = System.currentTimeMillis() - TemporaryFiles.ABANDONED_PROBE_AGE.toMillis();
    RemoteIterator<FileStatus> it = fc.listStatus(root);
    while (it.hasNext()) {
      FileStatus status = it.next();
      if (status.isFile() && TemporaryFiles.isProbe(status.getPath().getName()) && status.getModificationTime() < before) {
        fc.delete(status.getPath(), false);
      }
    }
  }

  private void deleteQuietly(Path p) {
    try {
      fc.delete(p, false);
    } catch (IOException | RuntimeException e) {
      // the probe already failed or the file is gone; an hour-old leftover is removed by a later probe
    }
  }

  @Override
  public String location() {
    return root.toString();
  }

  private Path resolve(String relativeDir) {
    Path p = new Path(root, relativeDir);
    String rootPath = root.toUri().getPath();
    String path = p.toUri().getPath();
    if (!path.equals(rootPath) && !path.startsWith(rootPath.endsWith("/") ? rootPath : rootPath + "/")) {
      throw new IllegalArgumentException("lake path escapes the root: " + relativeDir);
    }
    return p;
  }
}
