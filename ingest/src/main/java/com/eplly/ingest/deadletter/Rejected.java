package com.eplly.ingest.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record that failed validation, kept byte for byte for the dead-letter topic.
 *
 * @param record the original record (key, value and topic untouched)
 * @param reason one-line reason from the codec
 */
public record Rejected(ConsumerRecord<String, byte[]> record, String reason) {}
