package com.eplly.recommender.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Globo.com G1 clicks (v2 format) and, when present, article metadata. The metadata has no text,
 * only an anonymised category code, which becomes the article's content.
 */
public final class GloboLoader {

  static final String CLICKS = "clicks_hour_000_part_users_0-120.csv";
  static final String ARTICLES = "articles_metadata_part.csv";

  public InteractionData load(Path folder) {
    Path clicks = DelimitedFile.require(folder, CLICKS);
    List<Interaction> out = new ArrayList<>();
    DelimitedFile.read(clicks, StandardCharsets.UTF_8, ",", 1, line -> {
      line.expectFields(12, "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,… 12 columns");
      line.longField(0, "user_id");
      line.longField(1, "session_id");
      line.longField(4, "click_article_id");
      long at = line.longField(5, "click_timestamp");
      out.add(new Interaction("u" + line.field(0), line.field(1), line.field(4), at));
    }, DelimitedFile.HeaderCheck.columns("user_id", "session_id", "session_start", "session_size", "click_article_id",
        "click_timestamp"));
    if (out.isEmpty()) {
      throw new DatasetException(clicks + " holds no clicks");
    }
    Path meta = folder.resolve(ARTICLES);
    List<CatalogItem> catalog = new ArrayList<>();
    if (Files.isRegularFile(meta)) {
      DelimitedFile.read(meta, StandardCharsets.UTF_8, ",", 1, line -> {
        line.expectFields(5, "article_id,category_id,created_at_ts,publisher_id,words_count");
        line.longField(0, "article_id");
        line.longField(1, "category_id");
        long created = line.longField(2, "created_at_ts");
        String category = "c" + line.field(1);
        catalog.add(new CatalogItem(line.field(0), "", "category" + category, category, created));
      }, DelimitedFile.HeaderCheck.columns("article_id", "category_id", "created_at_ts"));
    }
    return new InteractionData("globo", folder.toString(), out, catalog);
  }
}
