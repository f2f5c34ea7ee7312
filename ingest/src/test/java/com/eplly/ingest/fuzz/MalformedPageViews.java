package com.eplly.ingest.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seeded generator of page-view records the pipeline must dead-letter, of many kinds: broken and
 * truncated JSON, binary garbage, missing fields, wrong types, huge numbers and strings, nested
 * junk, empty and null values, non-object JSON, bad ids and views of articles not in the catalog.
 * Every record is keyed uniquely so its dead-letter copy can be matched back.
 */
public final class MalformedPageViews {

  /** One record to send: its kind (for messages), unique Kafka key and value (null = null value). */
  public record Bad(String kind, String key, byte[] value) {}

  /** Kinds in round-robin order; {@link #UNKNOWN_ARTICLE} is valid JSON for an article the catalog lacks. */
  public static final String UNKNOWN_ARTICLE = "unknown-article";

  private static final String[] FIELDS = {"eventId", "readerId", "articleId", "sessionId", "timestamp"};

  private final Random rnd;
  private final long now;
  private final String knownArticle;
  private final List<Kind> kinds = List.of(
      new Kind("bad-json", this::badJson),
      new Kind("truncated", this::truncated),
      new Kind("binary-garbage", this::garbage),
      new Kind("missing-field", this::missingField),
      new Kind("wrong-type", this::wrongType),
      new Kind("huge-number", this::hugeNumber),
      new Kind("huge-string", this::hugeString),
      new Kind("nested-junk", this::nestedJunk),
      new Kind("empty-or-null", this::emptyOrNull),
      new Kind("not-an-object", this::notAnObject),
      new Kind("bad-id", this::badId),
      new Kind("bad-uuid-or-time", this::badUuidOrTime),
      new Kind(UNKNOWN_ARTICLE, this::unknownArticle));

  /**
   * @param seed         the same seed yields the same records
   * @param now          the receiving side's "now" (epoch ms) so timestamps are otherwise valid
   * @param knownArticle an article id the catalog holds, so only the intended field is wrong
   */
  public MalformedPageViews(long seed, long now, String knownArticle) {
    this.rnd = new Random(seed);
    this.now = now;
    this.knownArticle = knownArticle;
  }

  public List<String> kinds() {
    return kinds.stream().map(Kind::name).toList();
  }

  /** {@code count} records, the kinds in turn. */
  public List<Bad> generate(int count) {
    List<Bad> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Kind k = kinds.get(i % kinds.size());
      out.add(new Bad(k.name(), String.format("fuzz-%05d", i), k.make().apply(i)));
    }
    return out;
  }

  // --- kinds ----------------------------------------------------------------------------------

  private byte[] badJson(int i) {
    String valid = validJson(i);
    return utf8(switch (rnd.nextInt(8)) {
      case 0 -> "{\"eventId\": oops " + i;
      case 1 -> valid.replace("\"", "'");
      case 2 -> valid.replace(",", ",,");
      case 3 -> valid.replaceFirst(":", "=");
      case 4 -> "{" + valid; // unbalanced
      case 5 -> valid.replace("}", "]");
      case 6 -> "{\"readerId\":\"r-" + i + "\" \"articleId\":\"" + knownArticle + "\"}";
      default -> "not json at all #" + i;
    });
  }

  private byte[] truncated(int i) {
    byte[] full = utf8(validJson(i));
    int cut = 1 + rnd.nextInt(full.length - 1); // any proper prefix of an object is incomplete
    byte[] out = new byte[cut];
    System.arraycopy(full, 0, out, 0, cut);
    return out;
  }

  private byte[] garbage(int i) {
    byte[] out = new byte[1 + rnd.nextInt(2_000)];
    rnd.nextBytes(out);
    if (out[0] == '{' || out[0] == ' ') {
      out[0] = (byte) 0xFE;
    }
    return out;
  }

  private byte[] missingField(int i) {
    String[] v = values(i);
    v[rnd.nextInt(FIELDS.length)] = null;
    return utf8(json(v[0], v[1], v[2], v[3], v[4]));
  }

  private byte[] wrongType(int i) {
    String[] v = values(i);
    int f = rnd.nextInt(FIELDS.length + 1);
    String bad = switch (rnd.nextInt(5)) {
      case 0 -> "12345";
      case 1 -> "[\"a\",\"b\"]";
      case 2 -> "{\"nested\":true}";
      case 3 -> "true";
      default -> "1.5";
    };
    if (f == FIELDS.length) { // optional dwellMs of the wrong type
      return utf8(json(v[0], v[1], v[2], v[3], v[4]).replace("}", ",\"dwellMs\":\"long\"}"));
    }
    if (f == 4 && bad.equals("12345")) {
      bad = "\"" + now + "\""; // a timestamp as a string
    }
    v[f] = bad;
    return utf8(json(v[0], v[1], v[2], v[3], v[4]));
  }

  private byte[] hugeNumber(int i) {
    String[] v = values(i);
    return utf8(switch (rnd.nextInt(6)) {
      case 0 -> json(v[0], v[1], v[2], v[3], "99999999999999999999999999999");
      case 1 -> json(v[0], v[1], v[2], v[3], Long.toString(Long.MAX_VALUE));
      case 2 -> json(v[0], v[1], v[2], v[3], "-" + Long.MAX_VALUE);
      case 3 -> json(v[0], v[1], v[2], v[3], "1" + "0".repeat(5_000));
      case 4 -> json(v[0], v[1], v[2], v[3], v[4]).replace("}", ",\"dwellMs\":" + Long.MAX_VALUE + "}");
      default -> json(v[0], v[1], v[2], v[3], "1e308");
    });
  }

  private byte[] hugeString(int i) {
    String[] v = values(i);
    int f = 1 + rnd.nextInt(3); // readerId, articleId or sessionId
    // a quarter over the 64 KiB record limit, the rest long ids inside it
    int length = i % 4 == 0 ? 70_000 + rnd.nextInt(10_000) : 129 + rnd.nextInt(30_000);
    v[f] = "\"" + "x".repeat(length) + "\"";
    return utf8(json(v[0], v[1], v[2], v[3], v[4]));
  }

  private byte[] nestedJunk(int i) {
    String[] v = values(i);
    int depth = rnd.nextBoolean() ? 17 + rnd.nextInt(500) : 2 + rnd.nextInt(10);
    String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
    return utf8(switch (rnd.nextInt(3)) {
      case 0 -> nested; // top-level array
      case 1 -> json(v[0], v[1], v[2], v[3], v[4]).replace("}", ",\"extra\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}")
          .replace("\"readerId\":" + v[1], "\"readerId\":" + nested); // junk in a required field
      default -> json(v[0], "{\"id\":" + v[1] + "}", v[2], v[3], v[4]);
    });
  }

  private byte[] emptyOrNull(int i) {
    return switch (rnd.nextInt(3)) {
      case 0 -> null;
      case 1 -> new byte[0];
      default -> utf8(" \n\t ");
    };
  }

  private byte[] notAnObject(int i) {
    String[] values = {"null", "\"a string " + i + "\"", Integer.toString(i), "[]", "true", "[" + validJson(i) + "]"};
    return utf8(values[rnd.nextInt(values.length)]);
  }

  private byte[] badId(int i) {
    String[] v = values(i);
    String[] bad = {"\"\"", "\"has space " + i + "\"", "\"caf\u00e9-" + i + "\"", "\"tab\\t" + i + "\"", "\"../../etc/" + i + "\"",
        "\"a*b" + i + "\"", "\"nul\\u0000" + i + "\"", "\"\u2603" + i + "\""};
    v[1 + rnd.nextInt(3)] = bad[rnd.nextInt(bad.length)];
    return utf8(json(v[0], v[1], v[2], v[3], v[4]));
  }

  private byte[] badUuidOrTime(int i) {
    String[] v = values(i);
    switch (rnd.nextInt(5)) {
      case 0 -> v[0] = "\"not-a-uuid-" + i + "\"";
      case 1 -> v[0] = "\"" + UUID.randomUUID().toString().replace("-", "") + "\"";
      case 2 -> v[4] = Long.toString(now + 3L * 24 * 3_600_000L); // beyond the allowed clock skew
      case 3 -> v[4] = "12345"; // 1970
      default -> {
        return utf8(json(v[0], v[1], v[2], v[3], v[4]).replace("}", ",\"dwellMs\":-" + (i + 1) + "}"));
      }
    }
    return utf8(json(v[0], v[1], v[2], v[3], v[4]));
  }

  private byte[] unknownArticle(int i) {
    return utf8(json(uuid(i), "r-" + i, "ghost-" + i, "s-" + i, Long.toString(now)));
  }

  // --- helpers --------------------------------------------------------------------------------

  private String[] values(int i) {
    return new String[] {"\"" + uuid(i) + "\"", "\"r-" + i + "\"", "\"" + knownArticle + "\"", "\"s-" + i + "\"",
        Long.toString(now - rnd.nextInt(3_600_000))};
  }

  private String validJson(int i) {
    String[] v = values(i);
    return json(v[0], v[1], v[2], v[3], v[4]);
  }

  private static String uuid(int i) {
    return UUID.nameUUIDFromBytes(("fuzz-" + i).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** An object of the five required fields as raw JSON values; a null value leaves the field out. */
  private static String json(String eventId, String readerId, String articleId, String sessionId, String timestamp) {
    StringBuilder sb = new StringBuilder("{");
    String[] raw = {eventId, readerId, articleId, sessionId, timestamp};
    for (int f = 0; f < FIELDS.length; f++) {
      if (raw[f] == null) {
        continue;
      }
      if (sb.length() > 1) {
        sb.append(',');
      }
      String value = raw[f];
      boolean bare = value.startsWith("\"") || value.startsWith("[") || value.startsWith("{") || f == 4
          || value.equals("true") || value.matches("-?[0-9.]+");
      sb.append('"').append(FIELDS[f]).append("\":").append(bare ? value : "\"" + value + "\"");
    }
    return sb.append('}').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private record Kind(String name, Function<Integer, byte[]> make) {}
}
