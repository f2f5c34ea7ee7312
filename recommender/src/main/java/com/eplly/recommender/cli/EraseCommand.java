package com.eplly.recommender.cli;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reco erase}: publishes a reader's erasure to the {@code erasures} topic, as
 * {@code DELETE /v1/admin/readers/{id}} does, and prints it once the broker acknowledged it.
 */
@Command(name = "erase",
    description = "erase a reader: publish the erasure (ingest deletes their Redis keys within seconds; training "
        + "and evaluation leave their past events out) and print it once Kafka holds it")
final class EraseCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Option(names = "--reader", required = true, paramLabel = "<id>", description = "the reader to erase")
  String reader;

  @Option(names = "--requested-by", paramLabel = "<name>",
      description = "who asks for it, recorded with the erasure (default: $USER)")
  String requestedBy;

  @Option(names = "--kafka", paramLabel = "<host:port,...>", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers")
  String kafka;

  @Option(names = "--timeout", paramLabel = "<duration>", defaultValue = "30s",
      description = "longest wait for the broker: for the topic's metadata, then for the acknowledgement")
  Duration timeout;

  @Mixin
  HelpOption help;

  EraseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Validation.idReason("--reader", reader).ifPresent(reason -> {
      throw new ParameterException(spec.commandLine(), reason);
    });
    String by = requestedBy != null ? requestedBy : ctx.env().getOrDefault("USER", "reco");
    if (by.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--requested-by must not be blank");
    }
    ReaderErasure erasure = new ReaderErasure(reader, ctx.clock().millis(), by);
    byte[] value = new ReaderErasureJson().write(erasure);
    int timeoutMs = (int) Math.max(2, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
        // delivery.timeout.ms must cover linger.ms (0) plus request.timeout.ms
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ERASURES, reader, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return notAccepted(e);
    } catch (ExecutionException e) {
      return notAccepted(e.getCause());
    } catch (RuntimeException e) {
      return notAccepted(e); // send() throws when the topic's metadata is missing after max.block.ms
    }
    ctx.out().println(new String(value, StandardCharsets.UTF_8));
    return RecoCli.OK;
  }

  private int notAccepted(Throwable e) {
    ctx.err().println("error: the erasure was not accepted, nothing was erased (" + e.getMessage()
        + "); check --kafka");
    return RecoCli.FAILED;
  }
}
