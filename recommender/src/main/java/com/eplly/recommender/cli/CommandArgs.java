package com.eplly.recommender.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsed command line of one command: typed access to its flags, with user-facing errors. */
public final class CommandArgs {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

  private final Map<String, Flag> flags;
  private final Map<String, String> values;
  private final List<String> positionals;
  private final boolean help;
  private final Map<String, String> env;

  private CommandArgs(Map<String, Flag> flags, Map<String, String> values, List<String> positionals, boolean help,
      Map<String, String> env) {
    this.flags = flags;
    this.values = values;
    this.positionals = positionals;
    this.help = help;
    this.env = env;
  }

  /** Parses {@code --name value}, {@code --name=value} and switches; anything else is positional. */
  public static CommandArgs parse(List<Flag> known, String[] args) {
    return parse(known, args, Map.of());
  }

  /** As {@link #parse(List, String[])}, with the environment secrets may be read from. */
  public static CommandArgs parse(List<Flag> known, String[] args, Map<String, String> env) {
    Map<String, Flag> flags = new HashMap<>();
    known.forEach(f -> flags.put(f.name(), f));
    Map<String, String> values = new HashMap<>();
    List<String> positionals = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        positionals.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Flag flag = flags.get(name);
      if (flag == null) {
        throw new UsageException("unknown option --" + name);
      }
      if (flag.isSwitch()) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        value = "true";
      } else if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      values.put(name, value);
    }
    return new CommandArgs(flags, values, positionals, help, Map.copyOf(env));
  }

  /** A variable of the environment the CLI runs in, if set and not empty. */
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }

  public boolean help() {
    return help;
  }

  public List<String> positionals() {
    return positionals;
  }

  public boolean isSet(String name) {
    return values.containsKey(name);
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.getOrDefault(name, flag(name).defaultValue()));
  }

  public String string(String name) {
    return optional(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
  }

  public boolean toggle(String name) {
    flag(name);
    return values.containsKey(name);
  }

  public int positiveInt(String name) {
    String raw = string(name);
    try {
      int value = Integer.parseInt(raw);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--" + name + " must be a positive integer, got '" + raw + "'");
  }

  public double nonNegativeDouble(String name) {
    String raw = string(name);
    try {
      double value = Double.parseDouble(raw);
      if (value >= 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--" + name + " must be a number >= 0, got '" + raw + "'");
  }

  /** {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code 0} or ISO-8601 ({@code PT36H}). */
  public Duration duration(String name) {
    String raw = string(name).trim();
    if (raw.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT_DURATION.matcher(raw);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(raw);
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException ignored) {
      // reported below
    }
    throw new UsageException("--" + name + " must be a duration like 30m, 12h, 7d or PT36H, got '" + raw + "'");
  }

  public Optional<Instant> instant(String name) {
    return optional(name).map(raw -> {
      try {
        return Instant.parse(raw);
      } catch (DateTimeParseException e) {
        throw new UsageException("--" + name + " must be an ISO-8601 instant like 2026-11-27T20:00:00Z, got '" + raw + "'");
      }
    });
  }

  /** Builds a value object from a flag, turning IllegalArgumentException into a usage error. */
  public <T> T parsed(String name, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(string(name));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + name + ": " + e.getMessage());
    }
  }

  private Flag flag(String name) {
    Flag flag = flags.get(name);
    if (flag == null) {
      throw new IllegalStateException("command does not declare --" + name);
    }
    return flag;
  }
}
