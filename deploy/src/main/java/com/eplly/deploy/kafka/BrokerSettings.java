package com.eplly.deploy.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where one combined KRaft broker+controller node listens and keeps its data, and the quorum it
 * belongs to.
 *
 * @param host           host name clients and the controller use (advertised as is)
 * @param port           client (PLAINTEXT) port
 * @param controllerPort KRaft controller port
 * @param logDir         folder of the broker's logs and metadata; formatted on first start
 * @param nodeId         this node's id in the quorum
 * @param quorumVoters   {@code id@host:controllerPort,...} of every controller, this node included
 * @param replicas       replication factor of the internal topics (offsets, transactions); the
 *                       number of nodes, at most 3
 */
public record BrokerSettings(String host, int port, int controllerPort, Path logDir, int nodeId, String quorumVoters,
    int replicas) {

  /** A single-node cluster: node 1, its own only voter, replication factor 1 everywhere. */
  public BrokerSettings(String host, int port, int controllerPort, Path logDir) {
    this(host, port, controllerPort, logDir, 1, "1@" + host + ":" + controllerPort, 1);
  }

  /** The server properties of a combined broker+controller node. */
  public Properties serverProperties() {
    String rf = String.valueOf(replicas);
    // With replicas, one node may be down and writes acknowledged by all in-sync replicas still land on two.
    String minIsr = String.valueOf(Math.max(1, replicas - 1));
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(nodeId));
    p.setProperty("controller.quorum.voters", quorumVoters);
    p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", rf);
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", rf);
    p.setProperty("transaction.state.log.min.isr", minIsr);
    p.setProperty("share.coordinator.state.topic.replication.factor", rf);
    p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
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
