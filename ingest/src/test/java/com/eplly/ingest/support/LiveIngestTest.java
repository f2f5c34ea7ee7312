package com.eplly.ingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Marks a test that runs ingest's real listeners against a real redis-server and a throw-away lake:
 * tagged slow, its context closed after the class, Kafka the class's {@code @EmbeddedKafka} broker.
 * Declare it before {@code @SpringBootTest}, so that Redis starts before and stops after the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
@ExtendWith(EmbeddedRedisExtension.class)
@Import(LiveIngestTestConfig.class)
@DirtiesContext
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
public @interface LiveIngestTest {}
