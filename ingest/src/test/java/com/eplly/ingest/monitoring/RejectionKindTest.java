package com.eplly.ingest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class RejectionKindTest {

  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  private RejectionKind kindOf(String json) {
    Decoded<?> d = codec.decodePageView(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    assertThat(d).isInstanceOf(Decoded.Invalid.class);
    return RejectionKind.of(((Decoded.Invalid<?>) d).reason());
  }

  @Test
  void classifiesTheCodecsReasons() {
    String ok = "\"eventId\":\"7f0c1a52-3b7e-4c55-9a0e-2f1d7a5b9c01\",\"readerId\":\"r1\",\"articleId\":\"a1\",\"sessionId\":\"s1\"";
    assertThat(kindOf(null)).isEqualTo(RejectionKind.EMPTY);
    assertThat(kindOf("{not json")).isEqualTo(RejectionKind.MALFORMED_JSON);
    assertThat(kindOf("{" + ok + "}")).isEqualTo(RejectionKind.MISSING_FIELD);
    assertThat(kindOf("{" + ok + ",\"timestamp\":\"soon\"}")).isEqualTo(RejectionKind.INVALID_FIELD);
    assertThat(kindOf("{" + ok.replace("7f0c1a52-3b7e-4c55-9a0e-2f1d7a5b9c01", "nope") + ",\"timestamp\":1764000000000}"))
        .isEqualTo(RejectionKind.INVALID_FIELD);
    assertThat(RejectionKind.of("unknown article \"a-1\"")).isEqualTo(RejectionKind.UNKNOWN_ARTICLE);
    assertThat(RejectionKind.MALFORMED_JSON.tag()).isEqualTo("malformed-json");
  }
}
