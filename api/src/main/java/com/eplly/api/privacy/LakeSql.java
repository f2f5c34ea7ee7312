package com.eplly.api.privacy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the SQL the export sends DuckDB: table functions take their file lists as constants. */
final class LakeSql {

  private LakeSql() {}

  /** A string constant. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** An identifier ({@code timestamp}, {@code position} are keywords). */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A list of file names. */
  static String paths(List<Path> files) {
    return files.stream().map(f -> literal(f.toString())).collect(Collectors.joining(", ", "[", "]"));
  }
}
