package com.eplly.recommender.cli;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.publish.PublishJob;
import com.eplly.recommender.publish.RedisEndpoint;
import com.eplly.contracts.redis.PublishedVersion;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.redis.VersionRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import redis.clients.jedis.UnifiedJedis;

/** {@code reco models}: published versions (active marked) and local versions not yet published. */
@Command(name = "models", description = "list published versions (* = active) and local ones not published")
final class ModelsCommand implements Callable<Integer> {

  private static final String ROW = "%-1s %-24s %-10s %-24s %-24s %13s %12s %10s %-24s %15s  %s%n";

  private final CliContext ctx;

  @Mixin
  ModelsOption models;

  @Mixin
  RedisOptions redis;

  @Mixin
  HelpOption help;

  ModelsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    RedisEndpoint endpoint = redis.endpoint();
    List<ModelMeta> local = new ModelStore(models.folder, new Configuration()).list();
    List<PublishedVersion> published;
    try (UnifiedJedis client = endpoint.open()) {
      published = new VersionRegistry(client).published();
    }
    PrintStream out = ctx.out();
    out.printf(ROW, "", "VERSION", "STATE", "CREATED", "PUBLISHED", "ARTICLE LISTS", "READER LISTS", "EVENTS",
        "VALIDATION CUT-OFF", "HR@10 / MRR@10", "GATE");
    for (PublishedVersion v : published) {
      out.printf(ROW, v.active() ? "*" : "", v.version(), v.expired() ? "expired" : "published",
          v.meta().getOrDefault(VersionMetaFields.CREATED, "-"), v.publishedAt(),
          v.meta().getOrDefault(VersionMetaFields.ARTICLE_LISTS, "-"),
          v.meta().getOrDefault(VersionMetaFields.READER_LISTS, "-"),
          v.meta().getOrDefault(VersionMetaFields.EVENTS, "-"),
          v.meta().getOrDefault(VersionMetaFields.VALIDATION_CUT_OFF, "-"), validationFigures(v.meta()),
          v.meta().getOrDefault(VersionMetaFields.GATE, "-"));
    }
    Set<String> publishedNames = published.stream().map(PublishedVersion::version).collect(Collectors.toSet());
    for (ModelMeta m : local) {
      if (!publishedNames.contains(m.version())) {
        Map<String, String> validation = PublishJob.validationFields(m);
        out.printf(ROW, "", m.version(), "local", m.createdAt(), "-", m.output().get("articleLists"),
            m.output().get("readerLists"), m.input().get("events"),
            validation.getOrDefault(VersionMetaFields.VALIDATION_CUT_OFF, "-"), validationFigures(validation), "-");
      }
    }
    if (published.isEmpty() && local.isEmpty()) {
      out.println("no versions yet: run 'reco train --publish'");
    }
    return RecoCli.OK;
  }

  /** "HR@10 / MRR@10" of the served path on the validation window, from a version's meta fields. */
  private static String validationFigures(Map<String, String> fields) {
    return fields.containsKey(VersionMetaFields.VALIDATION_HR10)
        ? fields.get(VersionMetaFields.VALIDATION_HR10) + " / " + fields.get(VersionMetaFields.VALIDATION_MRR10) : "-";
  }
}
