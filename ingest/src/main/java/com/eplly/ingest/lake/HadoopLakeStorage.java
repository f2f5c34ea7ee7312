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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * {@link LakeStorage} on any Hadoop FileSystem ({@code file://}, {@code hdfs://}, {@code s3a://}
 * when its connector is on the classpath), with the same all-or-nothing publish as
 * {@link LocalLakeStorage}: temporary name, {@code hsync}, then a rename that replaces the target.
 */
public final class HadoopLakeStorage implements LakeStorage {

  private final FileContext fc;
  private final Path root;

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
  }

  @Override
  public int deleteTemporaryFiles() throws IOException {
    if (!fc.util().exists(root)) {
      return 0;
    }
    List<Path> stale = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fc.util().listFiles(root, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().startsWith(LakeLayout.TEMP_PREFIX)) {
        stale.add(p);
      }
    }
    for (Path p : stale) {
      fc.delete(p, false);
    }
    return stale.size();
  }

  @Override
  public boolean isWritable() {
    try {
      fc.mkdir(root, FsPermission.getDirDefault(), true);
      return fc.getFileStatus(root).isDirectory();
    } catch (IOException | RuntimeException e) {
      return false;
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
