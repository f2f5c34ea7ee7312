package com.eplly.recommender.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * session-rec's "prepared" files (GRU4Rec, session-rec, SR-GNN ports): tab-separated with a header
 * naming {@code SessionId}, {@code ItemId} and {@code Time} (Unix seconds, with a fraction), in any
 * order among other columns. Sessions are anonymous: each is its own reader.
 */
public final class SessionFileLoader {

  static final String SESSION = "SessionId";
  static final String ITEM = "ItemId";
  static final String TIME = "Time";

  /** Reads both files; either one missing, malformed or empty fails naming the file (and line). */
  public SessionFiles load(Path train, Path test) {
    List<Interaction> trainClicks = read(train, "--train");
    List<Interaction> testClicks = read(test, "--test");
    String source = "train " + train + ", test " + test;
    return new SessionFiles(new InteractionData("sessions", source, trainClicks, List.of()), testClicks);
  }

  /** One file's clicks, in file order. */
  List<Interaction> read(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(option + " " + file + " is not a file");
    }
    int[] columns = new int[3]; // positions of SessionId, ItemId, Time, set by the header check
    List<Interaction> out = new ArrayList<>();
    DelimitedFile.read(file, StandardCharsets.UTF_8, "\t", 1, line -> {
      if (line.fields().length <= Arrays.stream(columns).max().orElse(0)) {
        throw line.fail("expected " + (Arrays.stream(columns).max().orElse(0) + 1)
            + " tab-separated fields (SessionId, ItemId, Time), got " + line.fields().length);
      }
      String session = line.field(columns[0]);
      String item = line.field(columns[1]);
      if (session.isEmpty() || item.isEmpty()) {
        throw line.fail("SessionId and ItemId must not be empty");
      }
      out.add(new Interaction("s" + session, session, item, millis(line, line.field(columns[2]))));
    }, header -> locate(header, columns));
    if (out.isEmpty()) {
      throw new DatasetException(file + " holds no clicks (only a header)");
    }
    return out;
  }

  private static void locate(DelimitedFile.Line header, int[] columns) {
    List<String> names = Arrays.stream(header.fields()).map(f -> f.trim().replace("\"", "")).toList();
    String[] wanted = {SESSION, ITEM, TIME};
    for (int c = 0; c < wanted.length; c++) {
      columns[c] = names.indexOf(wanted[c]);
      if (columns[c] < 0) {
        throw header.fail("header must name the tab-separated columns SessionId, ItemId and Time");
      }
    }
  }

  /** Unix seconds with a fraction, to epoch milliseconds (session-rec's files carry milliseconds at most). */
  private static long millis(DelimitedFile.Line line, String raw) {
    try {
      double seconds = Double.parseDouble(raw);
      if (!Double.isFinite(seconds) || seconds < 0) {
        throw line.fail("Time must be Unix seconds >= 0, got '" + raw + "'");
      }
      return Math.round(seconds * 1000);
    } catch (NumberFormatException e) {
      throw line.fail(String.format(Locale.ROOT, "Time must be Unix seconds (e.g. 1396437466.94), got '%s'", raw));
    }
  }
}
