package com.eplly.recommender.publish;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.READER_ID;

import com.eplly.contracts.redis.Keyspace;

/** The per-key lists of a version and the Redis key each row is stored under. */
public enum ListKind {
  ARTICLE(ARTICLE_ID) {
    @Override
    String key(String version, String id) {
      return Keyspace.articleList(version, id);
    }
  },
  READER(READER_ID) {
    @Override
    String key(String version, String id) {
      return Keyspace.readerList(version, id);
    }
  };

  private final String keyColumn;

  ListKind(String keyColumn) {
    this.keyColumn = keyColumn;
  }

  /** Column of the list rows holding the id. */
  String keyColumn() {
    return keyColumn;
  }

  abstract String key(String version, String id);
}
