package com.eplly.recommender;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.ImpressionEvent;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes hand-made lake files the way ingest does: EventCodec JSON lines under LakeLayout names. */
public final class LakeFixture {

  private final Path root;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  public LakeFixture(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public static PageView view(String reader, String article, String session, long ts) {
    return new PageView(UUID.randomUUID().toString(), reader, article, session, ts, null, null);
  }

  /** One reader's session "r-" + session: the articles read one second apart from start. */
  public static void session(List<PageView> out, long start, String session, String... articles) {
    for (int i = 0; i < articles.length; i++) {
      out.add(view("r-" + session, articles[i], session, start + i * 1000L));
    }
  }

  public static Article article(String id, long publishedAt) {
    return new Article(id, "Title " + id, "https://eplly.example/" + id, "news", publishedAt, null, List.of(), null, false);
  }

  /** A finished page-view file in the hour folder of the first view, offsets first..first+n-1. */
  public Path pageViews(int partition, long firstOffset, List<PageView> views) {
    return write(LakeLayout.PAGE_VIEWS, LakeLayout.hourFolder(views.get(0).timestamp()),
        LakeLayout.fileName(partition, firstOffset, firstOffset + views.size() - 1), lines(views.stream().map(codec::encode).toList()));
  }

  public Path pageViewsRaw(String hourFolder, String fileName, List<byte[]> lines) {
    return write(LakeLayout.PAGE_VIEWS, hourFolder, fileName, lines(lines));
  }

  public Path articles(String hourFolder, int partition, long firstOffset, List<Article> articles) {
    return write(LakeLayout.ARTICLES, hourFolder,
        LakeLayout.fileName(partition, firstOffset, firstOffset + articles.size() - 1),
        lines(articles.stream().map(codec::encode).toList()));
  }

  /** A finished impressions file (served events and viewable impressions) in the hour folder of the first event. */
  public Path impressions(int partition, long firstOffset, List<ImpressionEvent> events) {
    return write(LakeLayout.IMPRESSIONS, LakeLayout.hourFolder(events.get(0).timestamp()),
        LakeLayout.fileName(partition, firstOffset, firstOffset + events.size() - 1),
        lines(events.stream().map(codec::encode).toList()));
  }

  /** A finished erasures file (as ingest writes the erasures topic) in the hour folder of the first erasure. */
  public Path erasures(int partition, long firstOffset, List<ReaderErasure> erasures) {
    ReaderErasureJson json = new ReaderErasureJson();
    return write(LakeLayout.ERASURES, LakeLayout.hourFolder(erasures.get(0).erasedAt()),
        LakeLayout.fileName(partition, firstOffset, firstOffset + erasures.size() - 1),
        lines(erasures.stream().map(json::write).toList()));
  }

  public byte[] encode(PageView view) {
    return codec.encode(view);
  }

  private static byte[] lines(List<byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] r : records) {
      out.writeBytes(r);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private Path write(String dataset, String hourFolder, String fileName, byte[] content) {
    try {
      Path dir = root.resolve(dataset).resolve(hourFolder);
      Files.createDirectories(dir);
      return Files.write(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
