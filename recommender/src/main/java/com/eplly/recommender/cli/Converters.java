package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetName;
import com.eplly.recommender.evaluate.SessionFileSplit;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.model.VersionId;
import com.eplly.recommender.publish.RedisEndpoint;
import com.eplly.recommender.train.HybridLists;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option text becomes typed values, checked while parsing: a bad value is a usage error
 * naming its option ({@code Invalid value for option '--k': must be a positive integer, got '0'}).
 * {@link RecoCli} registers those of whole types (every {@link Duration} option, ...); the others
 * are named by the options that need the stricter check.
 */
final class Converters {

  private Converters() {}

  /** A parser whose IllegalArgumentException is picocli's usage error, with the parser's message. */
  private abstract static class Checked<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    Checked(Function<String, T> parser) {
      this.parser = parser;
    }

    @Override
    public T convert(String raw) {
      try {
        return parser.apply(raw);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class PositiveInt extends Checked<Integer> {
    PositiveInt() {
      super(raw -> {
        try {
          int value = Integer.parseInt(raw);
          if (value > 0) {
            return value;
          }
        } catch (NumberFormatException ignored) {
          // reported below
        }
        throw new IllegalArgumentException("must be a positive integer, got '" + raw + "'");
      });
    }
  }

  static final class NonNegativeDouble extends Checked<Double> {
    NonNegativeDouble() {
      super(raw -> {
        try {
          double value = Double.parseDouble(raw);
          if (value >= 0 && Double.isFinite(value)) {
            return value;
          }
        } catch (NumberFormatException ignored) {
          // reported below
        }
        throw new IllegalArgumentException("must be a number >= 0, got '" + raw + "'");
      });
    }
  }

  /** Every {@link Duration} option: see {@link Durations#parse}. */
  static final class NonNegativeDuration extends Checked<Duration> {
    NonNegativeDuration() {
      super(Durations::parse);
    }
  }

  static final class PositiveDuration extends Checked<Duration> {
    PositiveDuration() {
      super(raw -> {
        Duration d = Durations.parse(raw);
        if (d.isZero()) {
          throw new IllegalArgumentException("must be longer than 0");
        }
        return d;
      });
    }
  }

  static final class IsoInstant extends Checked<Instant> {
    IsoInstant() {
      super(raw -> {
        try {
          return Instant.parse(raw);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("must be an ISO-8601 instant like 2026-11-27T20:00:00Z, got '" + raw + "'");
        }
      });
    }
  }

  static final class Dataset extends Checked<DatasetName> {
    Dataset() {
      super(DatasetName::parse);
    }
  }

  /** {@code news} or {@code standard}: the variant of the sessions dataset's next-item protocol. */
  static final class SessionVariant extends Checked<SessionFileSplit.Variant> {
    SessionVariant() {
      super(raw -> Arrays.stream(SessionFileSplit.Variant.values()).filter(v -> v.cliName().equals(raw)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("must be news or standard, got '" + raw + "'")));
    }
  }

  /** The datasets' names, for {@code --dataset}'s help and shell completion. */
  static final class DatasetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(DatasetName.values()).map(DatasetName::cliName).iterator();
    }
  }

  /** Weights a training can publish with: some article-list and some reader-list source weigh more than 0. */
  static final class TrainableHybrid extends Checked<HybridWeights> {
    TrainableHybrid() {
      super(raw -> {
        HybridWeights weights = HybridWeights.parse(raw);
        HybridLists.requireSources(weights);
        return weights;
      });
    }
  }

  static final class Redis extends Checked<RedisEndpoint> {
    Redis() {
      super(RedisEndpoint::new);
    }
  }

  /** A name a new version may take (also part of Redis keys and a folder name). */
  static final class VersionName extends Checked<String> {
    VersionName() {
      super(VersionId::checked);
    }
  }

  /** A version name, or {@value VersionId#LATEST} for the newest local one. */
  static final class VersionOrLatest extends Checked<String> {
    VersionOrLatest() {
      super(raw -> raw.equals(VersionId.LATEST) ? raw : VersionId.checked(raw));
    }
  }
}
