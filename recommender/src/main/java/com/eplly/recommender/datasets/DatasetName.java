package com.eplly.recommender.datasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The datasets {@code reco evaluate} knows, with how each is loaded. */
public enum DatasetName {
  MOVIELENS, DIGINETICA, GLOBO, GENERATED;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DatasetName parse(String raw) {
    return Arrays.stream(values()).filter(d -> d.cliName().equals(raw)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + raw + "'; one of "
            + String.join(", ", Arrays.stream(values()).map(DatasetName::cliName).toList())));
  }

  /**
   * Loads the dataset: the real ones from {@code path} (read in place), the generated one from
   * {@code seed} and {@code size} page views.
   */
  public InteractionData load(Optional<Path> path, long seed, int size) {
    if (this == GENERATED) {
      return new GeneratedLoader().load(seed, size);
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
