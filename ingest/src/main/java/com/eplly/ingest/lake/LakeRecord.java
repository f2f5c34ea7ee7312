package com.eplly.ingest.lake;

/**
 * One consumed record bound for the lake: where it came from in Kafka, the instant that picks its
 * hour folder, and the value to be written.
 *
 * @param partition Kafka partition it was read from
 * @param offset    its Kafka offset
 * @param hourTime  epoch ms choosing the {@code date=/hour=} folder (event time or Kafka record time)
 * @param value     the decoded record
 */
public record LakeRecord<T>(int partition, long offset, long hourTime, T value) {}
