package com.eplly.recommender.lake;

import com.eplly.contracts.lake.LakeLayout.OffsetRange;

/** A finished lake file: where it is and which Kafka offsets it holds. */
public record LakeFile(String path, String name, OffsetRange offsets) {}
