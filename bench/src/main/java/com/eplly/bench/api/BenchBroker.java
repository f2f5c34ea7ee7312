package com.eplly.bench.api;

import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Ports;
import java.nio.file.Path;

/**
 * The live broker of {@code bench-api --experiment-cost}: one in-JVM KRaft node on free loopback
 * ports with the stack's topics; prints {@code bootstrap HOST:PORT} and runs until killed.
 *
 * <p>Usage: {@code BenchBroker LOG_DIR}
 */
public final class BenchBroker {

  private BenchBroker() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: BenchBroker LOG_DIR");
      System.exit(2);
    }
    int[] ports = Ports.distinct(2);
    // No shutdown hook: the script deletes the log folder before each run, so a clean shutdown buys
    // nothing and could only delay the script's exit.
    KafkaBroker broker = KafkaBroker.start(new BrokerSettings("127.0.0.1", ports[0], ports[1], Path.of(args[0])));
    broker.createTopics(TopicLayout.LOCAL);
    System.out.println("bootstrap " + broker.bootstrapServers());
    Thread.currentThread().join();
  }
}
