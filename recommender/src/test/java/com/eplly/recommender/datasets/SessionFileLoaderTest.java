package com.eplly.recommender.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileLoaderTest {

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsBothFilesWithFractionalSecondsAsMilliseconds() throws IOException {
    Path train = write("tr.txt", "SessionId\tItemId\tTime\n3\t214716935\t1396437466.94\n3\t214832672\t1396438212.318\n");
    Path test = write("te.txt", "SessionId\tItemId\tTime\n9\t214716935\t1396500000\n9\t214832672\t1396500001.5\n");
    SessionFiles files = new SessionFileLoader().load(train, test);
    assertEquals("sessions", files.train().name());
    assertEquals(new Interaction("s3", "3", "214716935", 1_396_437_466_940L), files.train().interactions().get(0));
    assertEquals(1_396_438_212_318L, files.train().interactions().get(1).timestamp());
    assertEquals(2, files.test().size());
    assertEquals(1_396_500_001_500L, files.test().get(1).timestamp());
    assertTrue(files.train().catalog().isEmpty());
  }

  @Test
  void findsTheColumnsByNameInAnyOrder() throws IOException {
    Path file = write("x.txt", "Time\tUserId\tItemId\tSessionId\n1.5\tu\t7\t2\n");
    assertEquals(new Interaction("s2", "2", "7", 1500), new SessionFileLoader().read(file, "--train").get(0));
  }

  @Test
  void aHeaderWithoutTheColumnsFailsOnLineOne() throws IOException {
    Path file = write("x.txt", "session\titem\ttime\n1\t2\t3\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new SessionFileLoader().read(file, "--train"));
    assertTrue(e.getMessage().contains("x.txt line 1: header must name the tab-separated columns SessionId, ItemId and Time"),
        e.getMessage());
  }

  @Test
  void aBadTimeNamesItsLine() throws IOException {
    Path file = write("x.txt", "SessionId\tItemId\tTime\n1\t2\t1396437466.94\n1\t3\tnoon\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new SessionFileLoader().read(file, "--test"));
    assertTrue(e.getMessage().contains("x.txt line 3: Time must be Unix seconds"), e.getMessage());
  }

  @Test
  void aShortRowNamesItsLine() throws IOException {
    Path file = write("x.txt", "SessionId\tItemId\tTime\n1\t2\t1396437466.94\n\n1;3;1396437467\n");
    DatasetException e = assertThrows(DatasetException.class, () -> new SessionFileLoader().read(file, "--test"));
    assertTrue(e.getMessage().contains("x.txt line 4: expected 3 tab-separated fields"), e.getMessage());
  }

  @Test
  void missingAndEmptyFilesAreNamed() throws IOException {
    Path train = write("tr.txt", "SessionId\tItemId\tTime\n");
    DatasetException missing = assertThrows(DatasetException.class,
        () -> new SessionFileLoader().load(dir.resolve("nope.txt"), train));
    assertTrue(missing.getMessage().contains("--train " + dir.resolve("nope.txt") + " is not a file"), missing.getMessage());
    DatasetException empty = assertThrows(DatasetException.class, () -> new SessionFileLoader().read(train, "--train"));
    assertTrue(empty.getMessage().contains("holds no clicks"), empty.getMessage());
  }
}
