package com.eplly.contracts.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Sticky assignment of a unit (reader or session id) to an arm: the first 64 bits of
 * SHA-256("{experiment}:{unitId}" in UTF-8), taken modulo 100, pick a percentage bucket, and the
 * arms own consecutive buckets by share, in their listed order.
 *
 * <p>Why SHA-256 and not String.hashCode or a hand-written murmur3: it is specified byte for byte
 * (FIPS 180-4), in every JDK and in Spark SQL ({@code sha2}), so the api, the lake report and any
 * script reproduce an assignment exactly; it mixes so thoroughly that buckets of the same reader in
 * two experiments (different input prefix) are independent; and at ~1 µs it costs nothing next to a
 * request. The name pattern excludes ':', so "{experiment}:{unitId}" is unambiguous. Taking 2^64
 * modulo 100 biases a bucket by under 10^-17.
 */
public final class ArmAssigner {

  public static final int BUCKETS = 100;

  /** The arm serving this unit; the experiment must be valid (shares summing to 100). */
  public Arm assign(Experiment experiment, String unitId) {
    int bucket = bucket(experiment.name(), unitId);
    int upper = 0;
    for (Arm arm : experiment.arms()) {
      upper += arm.share();
      if (bucket < upper) {
        return arm;
      }
    }
    throw new IllegalArgumentException("shares of experiment " + experiment.name() + " sum to " + upper + ", not 100");
  }

  /** The unit's percentage bucket in this experiment, 0..99. */
  public int bucket(String experimentName, String unitId) {
    byte[] d = sha256().digest((experimentName + ":" + unitId).getBytes(StandardCharsets.UTF_8));
    long first64 = 0;
    for (int i = 0; i < 8; i++) {
      first64 = (first64 << 8) | (d[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(first64, BUCKETS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
