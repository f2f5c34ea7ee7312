package com.eplly.ingest.lake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes renames and new folders on a local file system durable: a rename reaches the disk only
 * when its folder is fsynced, a new folder only when its parent is.
 */
final class DirectorySync {

  private static final int MAX_DURABLE_FOLDERS = 50_000;

  private final Set<Path> durableFolders = ConcurrentHashMap.newKeySet();

  /** After a file was renamed into {@code dir} ({@code root}/dataset/date/hour): syncs it, and its parents once. */
  void afterRename(Path dir) {
    sync(dir);
    // The hour and date folders' own entries need syncing once, not for every file published in them;
    // a folder counts as durable only after a sync completed (another thread may still be syncing it).
    if (!durableFolders.contains(dir)) {
      sync(dir.getParent());
      if (dir.getParent() != null) {
        sync(dir.getParent().getParent());
      }
      if (durableFolders.size() > MAX_DURABLE_FOLDERS) {
        durableFolders.clear(); // years of hours; forgetting only costs a few extra syncs
      }
      durableFolders.add(dir);
    }
  }

  /** fsync of a folder; a no-op where the platform cannot open folders (the rename is still atomic). */
  static void sync(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open folders for sync; the rename itself is still atomic there.
    }
  }
}
