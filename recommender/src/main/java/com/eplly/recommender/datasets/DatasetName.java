package com.eplly.recommender.datasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The datasets {@code reco evaluate} knows, with how each is loaded. */
public enum DatasetName {
  MOVIELENS, DIGINETICA, GLOBO, GENERATED,
  /** Any pair of session-rec prepared files ({@link SessionFileLoader}), given by --train and --test. */
  SESSIONS;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DatasetName parse(String raw) {
    return Arrays.stream(values()).filter(d -> d.cliName().equals(raw)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + raw + "'; one of "
            + String.join(", ", Arrays.stream(values()).map(DatasetName::cliName).toList())));
  }

  /** Whether the dataset is a training and a test file ({@code --train}, {@code --test}) rather than a folder. */
  public boolean isFilePair() {
    return this == SESSIONS;
  }

  /** The {@link #SESSIONS} dataset: a training and a test file in session-rec's prepared format. */
  public static SessionFiles loadSessionFiles(Path train, Path test) {
    return new SessionFileLoader().load(train, test);
  }

  /**
   * Loads the dataset: the real ones from {@code path} (read in place), the generated one from
   * {@code seed} and {@code size} page views.
   */
  public InteractionData load(Optional<Path> path, long seed, int size) {
    if (this == GENERATED) {
      return new GeneratedLoader().load(seed, size);
    }
    if (this == SESSIONS) {
      throw new DatasetException("dataset sessions reads two files: use loadSessionFiles (--train, --test)");
    }
    Path folder = path.orElseThrow(() -> new DatasetException("--path is required for dataset " + cliName()));
    if (!folder.toFile().isDirectory()) {
      throw new DatasetException("--path " + folder + " is not a folder");
    }
    return switch (this) {
      case MOVIELENS -> new MovieLensLoader().load(folder);
      case DIGINETICA -> new DigineticaLoader().load(folder);
      default -> new GloboLoader().load(folder);
    };
  }
}
