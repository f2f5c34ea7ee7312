package com.eplly.recommender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/bin/reco passes the same Spark JVM flags as the build (the root pom's spark.jvm.flags). */
class RecoLauncherFlagsTest {

  @Test
  void launcherFlagsMatchThePom() throws IOException {
    Path repo = Path.of("").toAbsolutePath().getParent(); // surefire runs in the module folder
    String pom = Files.readString(repo.resolve("pom.xml"));
    String script = Files.readString(repo.resolve("deploy/bin/reco"));

    String pomFlags = group(Pattern.compile("<spark.jvm.flags>([^<]+)</spark.jvm.flags>"), pom);
    String scriptFlags = group(Pattern.compile("(?m)^SPARK_FLAGS=\"([^\"]+)\""), script);
    assertEquals(pomFlags.trim(), scriptFlags.trim());
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), "no match for " + p);
    return m.group(1);
  }
}
