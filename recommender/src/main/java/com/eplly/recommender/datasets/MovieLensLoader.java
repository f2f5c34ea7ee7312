package com.eplly.recommender.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MovieLens-100k ({@code u.data}, and {@code u.item} when present): every rating is an implicit
 * interaction (binary relevance, as in Microsoft Recommenders' benchmark); a user's ratings form
 * one "session" ordered by time.
 */
public final class MovieLensLoader {

  static final String RATINGS = "u.data";
  static final String ITEMS = "u.item";
  private static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
      "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
      "Sci-Fi", "Thriller", "War", "Western");

  public InteractionData load(Path folder) {
    Path ratings = DelimitedFile.require(folder, RATINGS);
    List<Interaction> out = new ArrayList<>(100_000);
    DelimitedFile.read(ratings, StandardCharsets.UTF_8, "\t", 0, line -> {
      line.expectFields(4, "user_id, item_id, rating, unix_ts; tab-separated");
      String user = line.field(0);
      String item = line.field(1);
      line.longField(0, "user_id");
      line.longField(1, "item_id");
      long rating = line.longField(2, "rating");
      if (rating < 1 || rating > 5) {
        throw line.fail("rating must be 1-5, got " + rating);
      }
      long seconds = line.longField(3, "unix_ts");
      out.add(new Interaction(user, user, item, seconds * 1000));
    }, DelimitedFile.HeaderCheck.none());
    if (out.isEmpty()) {
      throw new DatasetException(ratings + " holds no ratings");
    }
    Path items = folder.resolve(ITEMS);
    List<CatalogItem> catalog = Files.isRegularFile(items) ? catalog(items) : List.of();
    return new InteractionData("movielens", folder.toString(), out, catalog);
  }

  /** u.item is ISO-8859-1: title and 19 genre flags become the item's text and category. */
  private static List<CatalogItem> catalog(Path file) {
    List<CatalogItem> out = new ArrayList<>();
    DelimitedFile.read(file, StandardCharsets.ISO_8859_1, "|", 0, line -> {
      line.expectFields(5 + GENRES.size(), "item_id|title|release_date|video_release_date|url|19 genre flags");
      line.longField(0, "item_id");
      List<String> genres = new ArrayList<>();
      for (int g = 0; g < GENRES.size(); g++) {
        if (line.field(5 + g).equals("1")) {
          genres.add(GENRES.get(g));
        }
      }
      String title = line.field(1);
      out.add(new CatalogItem(line.field(0), title, String.join(" ", genres), String.join("|", genres), null));
    }, DelimitedFile.HeaderCheck.none());
    return out;
  }
}
