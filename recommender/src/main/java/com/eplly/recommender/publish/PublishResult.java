package com.eplly.recommender.publish;

/** What a publish wrote, and how long it took. */
public record PublishResult(String version, long articleKeys, long readerKeys, int popularItems,
    String previousActive, double seconds) {}
