package com.eplly.recommender.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * DIGINETICA item views ({@code sample_train-item-views.csv}, {@code ;}-separated): a view's time is
 * its session's day plus {@code timeframe} ms; anonymous sessions ({@code user_id} NA) become their
 * own reader.
 */
public final class DigineticaLoader {

  static final String VIEWS = "sample_train-item-views.csv";

  public InteractionData load(Path folder) {
    return load(folder, VIEWS);
  }

  /** Reads {@code fileName} in {@code folder}; the full CIKM Cup file has the same columns. */
  public InteractionData load(Path folder, String fileName) {
    Path file = DelimitedFile.require(folder, fileName);
    List<Interaction> out = new ArrayList<>();
    DelimitedFile.read(file, StandardCharsets.UTF_8, ";", 1, line -> {
      line.expectFields(5, "session_id;user_id;item_id;timeframe;eventdate");
      String session = line.field(0);
      line.longField(0, "session_id");
      line.longField(2, "item_id");
      String user = line.field(1);
      long timeframe = line.longField(3, "timeframe");
      long day;
      try {
        day = LocalDate.parse(line.field(4)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw line.fail("eventdate must be YYYY-MM-DD, got '" + line.field(4) + "'");
      }
      String reader = user.isEmpty() || user.equals("NA") ? "s" + session : "u" + user;
      out.add(new Interaction(reader, session, line.field(2), day + timeframe));
    }, DelimitedFile.HeaderCheck.columns("session_id", "user_id", "item_id", "timeframe", "eventdate"));
    if (out.isEmpty()) {
      throw new DatasetException(file + " holds no item views");
    }
    return new InteractionData("diginetica", folder.toString(), out, List.of());
  }
}
