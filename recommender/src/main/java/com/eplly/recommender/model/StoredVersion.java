package com.eplly.recommender.model;

/** The files of one trained version under the models folder. */
public record StoredVersion(String version, String folder) {

  public static final String META_FILE = "model.json";

  /** Parquet: {@code articleId, suggestions} (read together). */
  public String articleLists() {
    return folder + "/article-lists";
  }

  /** Parquet: {@code readerId, suggestions} (similar readers). */
  public String readerLists() {
    return folder + "/reader-lists";
  }

  /** Parquet: one row {@code list, suggestions} (popular). */
  public String popularList() {
    return folder + "/popular";
  }

  /** Written last: a folder without it is an unfinished training and is ignored. */
  public String metaFile() {
    return folder + "/" + META_FILE;
  }
}
