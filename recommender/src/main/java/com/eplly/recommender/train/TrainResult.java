package com.eplly.recommender.train;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.StoredVersion;
import java.util.Map;

/** A finished training: its meta (as written to model.json), where it is and per-step seconds. */
public record TrainResult(ModelMeta meta, StoredVersion stored, Map<String, Double> stepSeconds) {}
