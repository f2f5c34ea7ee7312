package com.eplly.bench.train;

/**
 * One size of the scale benchmark.
 *
 * @param pageViews     generated page views asked for
 * @param events        page views the training read (model.json)
 * @param readers       distinct readers trained on
 * @param articles      distinct articles read
 * @param generate      what writing the lake cost
 * @param train         what {@code reco train} cost, JVM and Spark start-up included
 * @param jobSeconds    the training's own seconds (model.json), start-up excluded
 */
record SizeResult(int pageViews, long events, long readers, long articles, MeasuredRun.Cost generate,
    MeasuredRun.Cost train, double jobSeconds) {

  double trainSecondsPerMillion() {
    return train.wallSeconds() / (events / 1e6);
  }

  double cpuSecondsPerMillion() {
    return train.cpuSeconds() / (events / 1e6);
  }
}
