package com.eplly.recommender.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a delimited text file line by line, handing each record its 1-based line number so that
 * parse errors can say exactly where the file is broken.
 */
final class DelimitedFile {

  /** Receives one split line; throws {@link DatasetException} via {@link Line#fail}. */
  interface LineHandler {
    void accept(Line line);
  }

  /** One record: its fields, number and raw text. */
  record Line(Path file, int number, String raw, String[] fields) {

    DatasetException fail(String problem) {
      String shown = raw.length() > 120 ? raw.substring(0, 120) + "…" : raw;
      return new DatasetException(file + " line " + number + ": " + problem + ": '" + shown + "'");
    }

    String field(int i) {
      return fields[i].trim();
    }

    long longField(int i, String name) {
      try {
        return Long.parseLong(field(i));
      } catch (NumberFormatException e) {
        throw fail(name + " must be an integer, got '" + field(i) + "'");
      }
    }

    void expectFields(int n, String names) {
      if (fields.length != n) {
        throw fail("expected " + n + " fields (" + names + "), got " + fields.length);
      }
    }
  }

  private DelimitedFile() {}

  static Path require(Path folder, String name) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("missing " + file + " (is --path the dataset folder?)");
    }
    return file;
  }

  /**
   * Calls {@code handler} for each non-blank line after {@code headerLines}, split on
   * {@code delimiter} (a literal, not a regex); trailing empty fields are kept.
   */
  static void read(Path file, Charset charset, String delimiter, int headerLines, LineHandler handler,
      HeaderCheck header) {
    Pattern split = Pattern.compile(Pattern.quote(delimiter));
    try (BufferedReader in = Files.newBufferedReader(file, charset)) {
      String raw;
      int number = 0;
      while ((raw = in.readLine()) != null) {
        number++;
        if (raw.endsWith("\r")) {
          raw = raw.substring(0, raw.length() - 1);
        }
        if (number <= headerLines) {
          header.check(new Line(file, number, raw, split.split(raw, -1)));
          continue;
        }
        if (raw.isBlank()) {
          continue;
        }
        handler.accept(new Line(file, number, raw, split.split(raw, -1)));
      }
      if (number < headerLines) { // a header alone is not empty: the loader says it holds no records
        throw new DatasetException(file + " is empty (expected a header line)");
      }
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Validates a header line. */
  interface HeaderCheck {
    void check(Line header);

    static HeaderCheck none() {
      return h -> { };
    }

    /** The header must start with these column names, in this order. */
    static HeaderCheck columns(String... names) {
      return h -> {
        for (int i = 0; i < names.length; i++) {
          if (i >= h.fields().length || !h.field(i).replace("\"", "").equals(names[i])) {
            throw h.fail("header must start with " + String.join(",", names));
          }
        }
      };
    }
  }
}
