package com.eplly.deploy.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a single-node KRaft broker listens and keeps its data.
 *
 * @param host           host name clients and the controller use (advertised as is)
 * @param port           client (PLAINTEXT) port
 * @param controllerPort KRaft controller port
 * @param logDir         folder of the broker's logs and metadata; formatted on first start
 */
public record BrokerSettings(String host, int port, int controllerPort, Path logDir) {

  /** The server properties of a combined broker+controller node with replication factor 1 everywhere. */
  public Properties serverProperties() {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("num.partitions", "1");
    p.setProperty("auto.create.topics.enable", "false");
    // A laptop stack: small segments and a short retention keep var/ from growing without bound.
    p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.setProperty("log.retention.hours", "72");
    return p;
  }

  public String bootstrapServers() {
    return host + ":" + port;
  }
}
