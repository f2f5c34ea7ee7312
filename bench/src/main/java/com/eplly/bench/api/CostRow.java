package com.eplly.bench.api;

/**
 * One wrk row of {@code bench-api --experiment-cost}, as the script writes it: one line, fields
 * separated by spaces, in this order.
 *
 * @param config      {@code without} or {@code with} (an experiment running, served events published)
 * @param round       which alternation of the two configurations, from 1
 * @param connections wrk connections
 * @param rps         requests per second
 * @param p50         median latency, ms
 * @param p99         99th percentile latency, ms
 * @param p999        99.9th percentile latency, ms
 * @param errors      wrk's connect, read, write and timeout errors
 * @param bad         answers with status >= 400
 * @param apiUs       api CPU per request, µs
 * @param redisUs     redis-server CPU per request, µs
 * @param brokerUs    broker CPU per request, µs
 * @param load        the machine's 1-minute load average after the row
 */
public record CostRow(String config, int round, int connections, double rps, double p50, double p99, double p999,
    long errors, long bad, double apiUs, double redisUs, double brokerUs, double load) {

  public static final String WITHOUT = "without";
  public static final String WITH = "with";

  public static CostRow parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length != 13) {
      throw new IllegalArgumentException("expected 13 fields, got " + f.length + ": " + line);
    }
    if (!WITHOUT.equals(f[0]) && !WITH.equals(f[0])) {
      throw new IllegalArgumentException("configuration must be " + WITHOUT + " or " + WITH + ": " + line);
    }
    return new CostRow(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]),
        Long.parseLong(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
        Double.parseDouble(f[12]));
  }
}
