package com.eplly.recommender.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Trained versions on disk: {@code {models}/{version}/} holding parquet lists and
 * {@code model.json}. The root is a Hadoop FileSystem URI or a local folder.
 */
public final class ModelStore {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private final Path root;
  private final Configuration hadoop;

  public ModelStore(String root, Configuration hadoop) {
    this.hadoop = hadoop;
    try {
      Path path = new Path(root);
      this.root = path.getFileSystem(hadoop).makeQualified(path);
    } catch (IOException e) {
      throw new ModelStoreException("cannot open models folder " + root + ": " + e.getMessage(), e);
    }
  }

  public StoredVersion version(String version) {
    return new StoredVersion(version, new Path(root, VersionId.checked(version)).toString());
  }

  /** Whether anything (even an unfinished training) occupies the version's folder. */
  public boolean exists(String version) {
    return io(() -> fs().exists(new Path(version(version).folder())));
  }

  /** Finished versions, newest first. */
  public List<ModelMeta> list() {
    return io(() -> {
      List<ModelMeta> out = new ArrayList<>();
      if (!fs().exists(root)) {
        return out;
      }
      for (FileStatus status : fs().listStatus(root)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && VersionId.VALID.matcher(name).matches()
            && fs().exists(new Path(status.getPath(), StoredVersion.META_FILE))) {
          out.add(readMeta(name));
        }
      }
      out.sort(Comparator.comparing(ModelMeta::createdAt).thenComparing(ModelMeta::version).reversed());
      return out;
    });
  }

  public Optional<ModelMeta> latest() {
    return list().stream().findFirst();
  }

  /** The meta of a finished version; a clear error when it is missing or unfinished. */
  public ModelMeta readMeta(String version) {
    Path file = new Path(version(version).metaFile());
    return io(() -> {
      if (!fs().exists(file)) {
        throw new ModelStoreException("no finished model version '" + version + "' in " + root
            + " (missing " + StoredVersion.META_FILE + ")");
      }
      try (InputStream in = fs().open(file)) {
        return JSON.readValue(in, ModelMeta.class);
      }
    });
  }

  public void writeMeta(ModelMeta meta) {
    Path file = new Path(version(meta.version()).metaFile());
    io(() -> {
      try (OutputStream out = fs().create(file, true)) {
        JSON.writeValue(out, meta);
      }
      return null;
    });
  }

  public String root() {
    return root.toString();
  }

  private FileSystem fs() throws IOException {
    return root.getFileSystem(hadoop);
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new ModelStoreException("models folder " + root + ": " + e.getMessage(), e);
    }
  }
}
