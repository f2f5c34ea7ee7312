package com.eplly.contracts.codec;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON wire format of page views, articles and impression events, shared by the api (producer), ingest
 * (consumer), the lake files and the recommender. Decoding never throws on bad input: it returns
 * {@link Decoded.Invalid} with a reason naming the offending field.
 */
public final class EventCodec {

  /** Larger payloads are rejected before parsing; a page view is about 250 bytes. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;
  private static final byte[] REQUEST_ID_NAME = "\"requestId\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final ObjectMapper mapper;
  private final Validation validation;
  private final PageViewStreamReader pageViews;

  public EventCodec(Clock clock) {
    this.validation = new Validation(clock);
    // Trailing garbage and repeated keys are refused: a record must mean exactly one thing.
    this.mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(MAX_RECORD_BYTES).build();
    mapper.getFactory().setStreamReadConstraints(limits);
    this.pageViews = new PageViewStreamReader(JsonFactory.builder().streamReadConstraints(limits).build());
  }

  /**
   * The page view as one JSON line, written field by field with Jackson's generator: byte for
   * byte what data binding writes (the lake's format), without its per-call lookups.
   */
  public byte[] encode(PageView view) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      stringField(g, "eventId", view.eventId());
      stringField(g, "readerId", view.readerId());
      stringField(g, "articleId", view.articleId());
      stringField(g, "sessionId", view.sessionId());
      g.writeNumberField("timestamp", view.timestamp());
      stringField(g, "referrerArticleId", view.referrerArticleId());
      if (view.dwellMs() != null) { // PageView omits nulls (JsonInclude.NON_NULL)
        g.writeNumberField("dwellMs", view.dwellMs());
      }
      stringField(g, "requestId", view.requestId());
      if (view.position() != null) {
        g.writeNumberField("position", view.position());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Whether {@code bytes} are exactly what {@link #encode(PageView)} writes for {@code view}: then a
   * consumer may store the bytes it received instead of encoding the view again.
   */
  public boolean isEncodingOf(byte[] bytes, PageView view) {
    return PageViewBytes.isEncodingOf(bytes, view);
  }

  private static void stringField(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  public byte[] encode(Article article) {
    return write(article);
  }

  /**
   * False only when {@code bytes} cannot decode to a page view with a {@code requestId} (a click on a
   * suggestion): the field's name appears nowhere and nothing is escaped (an escaped key may spell it).
   * Lets a consumer that wants only clicks skip decoding every other view.
   */
  public boolean mayHaveRequestId(byte[] bytes) {
    if (bytes == null) {
      return false;
    }
    // one pass; 'q' is the rare byte to stop at: no other field's name has one
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\\' || b == 'q' && isAt(bytes, i - 3, REQUEST_ID_NAME)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAt(byte[] bytes, int at, byte[] part) {
    if (at < 0 || at + part.length > bytes.length) {
      return false;
    }
    for (int j = 0; j < part.length; j++) {
      if (bytes[at + j] != part[j]) {
        return false;
      }
    }
    return true;
  }

  public Decoded<PageView> decodePageView(byte[] bytes) {
    PageView fast = bytes == null || bytes.length > MAX_RECORD_BYTES ? null : pageViews.read(bytes);
    if (fast != null) {
      return checked(fast, validation.check(fast));
    }
    // Not a plain, well-typed object: decode through the tree, which names what is wrong.
    return decodePageViewFromTree(bytes);
  }

  /** The reference decoder: slower, but words every error; the fast path must agree with it. */
  Decoded<PageView> decodePageViewFromTree(byte[] bytes) {
    return parse(bytes).flatMap(node -> {
      Fields f = new Fields(node);
      PageView v = new PageView(
          f.text("eventId"), f.text("readerId"), f.text("articleId"), f.text("sessionId"),
          f.requiredLong("timestamp"), f.text("referrerArticleId"), f.optionalLong("dwellMs"),
          f.text("requestId"), f.optionalInt("position"));
      return f.errors.isEmpty() ? checked(v, validation.check(v)) : Decoded.invalid(String.join("; ", f.errors));
    });
  }

  /** A served event or a viewable impression as one JSON line, with its {@code kind} first. */
  public byte[] encode(ImpressionEvent event) {
    return event instanceof ServedEvent served ? encode(served) : write(event);
  }

  /**
   * A served event, written field by field: byte for byte what data binding writes, at a fraction
   * of its cost. The api writes one per answer, on the request's thread.
   */
  public byte[] encode(ServedEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 64 * event.items().size());
    try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("kind", ServedEvent.KIND);
      stringField(g, "requestId", event.requestId());
      g.writeNumberField("timestamp", event.timestamp());
      stringField(g, "readerId", event.readerId());
      stringField(g, "sessionId", event.sessionId());
      stringField(g, "articleId", event.articleId());
      stringField(g, "version", event.version());
      stringField(g, "experiment", event.experiment());
      stringField(g, "arm", event.arm());
      g.writeBooleanField("degraded", event.degraded());
      g.writeArrayFieldStart("items");
      for (ServedItem item : event.items()) {
        g.writeStartObject();
        g.writeStringField("articleId", item.articleId()); // ServedItem writes its nulls
        g.writeNumberField("position", item.position());
        g.writeStringField("reason", item.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A record of the {@code impressions} topic, told apart by its {@code kind}. */
  public Decoded<ImpressionEvent> decodeImpression(byte[] bytes) {
    return parse(bytes).flatMap(node -> {
      Fields f = new Fields(node);
      String kind = f.text("kind");
      if (ServedEvent.KIND.equals(kind)) {
        return served(f);
      }
      if (ViewableImpression.KIND.equals(kind)) {
        return viewable(f);
      }
      return Decoded.invalid(f.errors.isEmpty()
          ? "kind must be \"" + ServedEvent.KIND + "\" or \"" + ViewableImpression.KIND + "\", got " + kind
          : String.join("; ", f.errors));
    });
  }

  /**
   * A viewable impression as the widget posts it: {@code kind} may be left out (the endpoint says
   * what it is), but not be anything else.
   */
  public Decoded<ViewableImpression> decodeViewable(byte[] bytes) {
    return parse(bytes).flatMap(node -> {
      Fields f = new Fields(node);
      String kind = f.text("kind");
      if (kind != null && !ViewableImpression.KIND.equals(kind)) {
        return Decoded.invalid("kind must be \"" + ViewableImpression.KIND + "\" or absent, got " + kind);
      }
      return viewable(f);
    });
  }

  private <T> Decoded<T> served(Fields f) {
    List<ServedItem> items = new ArrayList<>();
    List<JsonNode> nodes = f.objectList("items");
    for (int i = 0; i < nodes.size(); i++) {
      Fields item = f.nested(nodes.get(i), "items[" + i + "].");
      items.add(new ServedItem(item.text("articleId"), item.requiredInt("position"), item.text("reason")));
    }
    ServedEvent e = new ServedEvent(
        f.text("requestId"), f.requiredLong("timestamp"), f.text("readerId"), f.text("sessionId"),
        f.text("articleId"), f.text("version"), f.text("experiment"), f.text("arm"), f.bool("degraded"), items);
    return cast(f.errors.isEmpty() ? checked(e, validation.check(e)) : Decoded.invalid(String.join("; ", f.errors)));
  }

  private <T> Decoded<T> viewable(Fields f) {
    ViewableImpression v = new ViewableImpression(
        f.text("requestId"), f.requiredLong("timestamp"), f.text("readerId"), f.text("sessionId"),
        f.textList("articleIds"));
    return cast(f.errors.isEmpty() ? checked(v, validation.check(v)) : Decoded.invalid(String.join("; ", f.errors)));
  }

  /** Decoded is covariant in use: a Decoded of a served event is a Decoded of an impression event. */
  @SuppressWarnings("unchecked")
  private static <T> Decoded<T> cast(Decoded<?> decoded) {
    return (Decoded<T>) decoded;
  }

  public Decoded<Article> decodeArticle(byte[] bytes) {
    return parse(bytes).flatMap(node -> {
      Fields f = new Fields(node);
      Article a = new Article(
          f.text("articleId"), f.text("title"), f.text("url"), f.text("category"),
          f.requiredLong("publishedAt"), f.text("summary"), f.textList("tags"),
          f.optionalLong("expiresAt"), f.bool("hidden"));
      return f.errors.isEmpty() ? checked(a, validation.check(a)) : Decoded.invalid(String.join("; ", f.errors));
    });
  }

  /** The validation rules, for callers that build records in code rather than from bytes. */
  public Validation validation() {
    return validation;
  }

  private static <T> Decoded<T> checked(T value, List<String> reasons) {
    return reasons.isEmpty() ? Decoded.valid(value) : Decoded.invalid(String.join("; ", reasons));
  }

  private Parsed parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new Parsed(null, "empty record");
    }
    if (bytes.length > MAX_RECORD_BYTES) {
      return new Parsed(null, "record of " + bytes.length + " bytes exceeds " + MAX_RECORD_BYTES);
    }
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || !node.isObject()) {
        return new Parsed(null, "malformed JSON: expected an object");
      }
      return new Parsed(node, null);
    } catch (IOException e) {
      return new Parsed(null, "malformed JSON: " + firstLine(e));
    }
  }

  private byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(IOException e) {
    String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (msg == null) {
      return e.getClass().getSimpleName();
    }
    int nl = msg.indexOf('\n');
    String line = nl < 0 ? msg : msg.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private record Parsed(JsonNode node, String error) {
    <T> Decoded<T> flatMap(java.util.function.Function<JsonNode, Decoded<T>> next) {
      return error != null ? Decoded.invalid(error) : next.apply(node);
    }
  }

  /** Reads typed fields from a JSON object, collecting type errors instead of throwing. */
  private static final class Fields {
    private final JsonNode node;
    private final List<String> errors;
    private final String prefix;

    Fields(JsonNode node) {
      this(node, new ArrayList<>(), "");
    }

    private Fields(JsonNode node, List<String> errors, String prefix) {
      this.node = node;
      this.errors = errors;
      this.prefix = prefix;
    }

    /** The fields of an object inside this one; its errors are this one's, named {@code prefix + field}. */
    Fields nested(JsonNode inner, String innerPrefix) {
      return new Fields(inner, errors, prefix + innerPrefix);
    }

    List<JsonNode> objectList(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return List.of();
      }
      List<JsonNode> out = new ArrayList<>();
      if (v.isArray()) {
        for (JsonNode item : v) {
          if (!item.isObject()) {
            out = null;
            break;
          }
          out.add(item);
        }
      }
      if (!v.isArray() || out == null) {
        errors.add(prefix + name + " must be an array of objects");
        return List.of();
      }
      return out;
    }

    int requiredInt(String name) {
      Integer value = optionalInt(name);
      if (value == null && errors.stream().noneMatch(e -> e.startsWith(prefix + name + " "))) {
        errors.add(prefix + name + " is missing");
      }
      return value == null ? 0 : value;
    }

    String text(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        errors.add(prefix + name + " must be a string, got " + v.getNodeType().name().toLowerCase());
        return null;
      }
      return v.textValue();
    }

    Integer optionalInt(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        errors.add(prefix + name + " must be an integer, got " + describe(v));
        return null;
      }
      return v.intValue();
    }

    long requiredLong(String name) {
      Long value = optionalLong(name);
      if (value == null && errors.stream().noneMatch(e -> e.startsWith(prefix + name + " "))) {
        errors.add(prefix + name + " is missing");
      }
      return value == null ? 0L : value;
    }

    Long optionalLong(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        errors.add(prefix + name + " must be an integer, got " + describe(v));
        return null;
      }
      return v.longValue();
    }

    boolean bool(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        errors.add(prefix + name + " must be true or false, got " + describe(v));
        return false;
      }
      return v.booleanValue();
    }

    List<String> textList(String name) {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        errors.add(prefix + name + " must be an array of strings");
        return List.of();
      }
      List<String> out = new ArrayList<>(v.size());
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          errors.add(prefix + name + " must be an array of strings");
          return List.of();
        }
        out.add(item.textValue());
      }
      return out;
    }

    private static String describe(JsonNode v) {
      String type = v.getNodeType().name().toLowerCase();
      return v.isNumber() ? "number " + v.asText() : type;
    }
  }
}
