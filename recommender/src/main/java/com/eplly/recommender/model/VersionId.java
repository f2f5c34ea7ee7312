package com.eplly.recommender.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Model version names: {@code v20261127-204501} by default, any safe name when given. */
public final class VersionId {

  /** Becomes part of Redis keys ({@code reco:{v}:…}) and a folder name: no ':' or '/'. */
  public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Reserved word meaning "the newest local version". */
  public static final String LATEST = "latest";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private VersionId() {}

  public static String at(Instant instant) {
    return FORMAT.format(instant);
  }

  /** The name itself when usable, else an IllegalArgumentException saying why. */
  public static String checked(String version) {
    if (version == null || !VALID.matcher(version).matches() || version.equals(LATEST)) {
      throw new IllegalArgumentException("version must be 1-64 letters, digits, '.', '_' or '-' "
          + "(not starting with a symbol, not '" + LATEST + "'), got '" + version + "'");
    }
    return version;
  }
}
