package com.eplly.deploy.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Page-view records the pipeline must dead-letter: each kind of breakage, every record unique. */
final class MalformedRecords {

  /** One bad record, with the kind of breakage for messages. */
  record Bad(String kind, String key, byte[] value) {}

  private MalformedRecords() {}

  static List<Bad> generate(int count, long now) {
    List<Bad> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String reader = "bad-" + i;
      String uuid = UUID.nameUUIDFromBytes(("bad" + i).getBytes(StandardCharsets.UTF_8)).toString();
      String json = switch (i % 10) {
        case 0 -> "{\"eventId\":\"" + uuid + "\",\"readerId\":\"" + reader + "\",\"articleId\":";
        case 1 -> "this is not JSON #" + i;
        case 2 -> "[\"an\",\"array\"," + i + "]";
        case 3 -> view(uuid, null, "a-00001", now); // readerId missing
        case 4 -> "{\"eventId\":\"" + uuid + "\",\"readerId\":\"" + reader + "\",\"articleId\":\"a-00001\",\"sessionId\":\"s-bad\"}"; // no timestamp
        case 5 -> "{\"eventId\":\"" + uuid + "\",\"readerId\":\"" + reader + "\",\"articleId\":\"a-00001\",\"sessionId\":\"s-bad\",\"timestamp\":\"yesterday\"}";
        case 6 -> "{\"eventId\":\"" + uuid + "\",\"readerId\":" + i + ",\"articleId\":\"a-00001\",\"sessionId\":\"s-bad\",\"timestamp\":" + now + "}";
        case 7 -> view("not-a-uuid-" + i, reader, "a-00001", now);
        case 8 -> view(uuid, reader, "a 00001/../x" + i, now); // id outside the safe alphabet
        default -> oversized(uuid, reader, now);
      };
      out.add(new Bad(kind(i % 10), reader, json.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static String kind(int k) {
    return switch (k) {
      case 0 -> "truncated JSON";
      case 1 -> "not JSON";
      case 2 -> "JSON array";
      case 3 -> "missing readerId";
      case 4 -> "missing timestamp";
      case 5 -> "timestamp of the wrong type";
      case 6 -> "readerId of the wrong type";
      case 7 -> "eventId not a UUID";
      case 8 -> "articleId with illegal characters";
      default -> "oversized record";
    };
  }

  private static String view(String eventId, String readerId, String articleId, long now) {
    return "{\"eventId\":\"" + eventId + "\""
        + (readerId == null ? "" : ",\"readerId\":\"" + readerId + "\"")
        + ",\"articleId\":\"" + articleId + "\",\"sessionId\":\"s-bad\",\"timestamp\":" + now + "}";
  }

  /** Over the codec's 64 KiB limit, yet otherwise a well-formed page view. */
  private static String oversized(String eventId, String readerId, long now) {
    return "{\"eventId\":\"" + eventId + "\",\"readerId\":\"" + readerId + "\",\"articleId\":\"a-00001\","
        + "\"sessionId\":\"s-bad\",\"timestamp\":" + now + ",\"padding\":\"" + "x".repeat(100 * 1024) + "\"}";
  }
}
