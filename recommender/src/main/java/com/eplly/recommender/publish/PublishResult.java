package com.eplly.recommender.publish;

/** What a publish wrote, the quality gate's verdict, and how long it took. */
public record PublishResult(String version, long articleKeys, long readerKeys, int popularItems,
    String previousActive, String gate, double seconds) {}
