package com.eplly.recommender.cli;

import com.eplly.contracts.redis.RegistryException;
import com.eplly.recommender.datasets.DatasetException;
import com.eplly.recommender.publish.GateRefused;
import com.eplly.recommender.lake.LakeException;
import com.eplly.recommender.model.ModelStoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A command that failed while running: one line saying why (no stack trace for the failures the
 * data team meets: a missing lake or version, a refused switch, Redis down or refusing the
 * password), exit code 1.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String name = command.getCommandName();
    if (e instanceof LakeException || e instanceof ModelStoreException || e instanceof RegistryException
        || e instanceof DatasetException || e instanceof GateRefused) {
      err.println("error: " + e.getMessage());
    } else if (e instanceof JedisDataException data) {
      if (isAuthError(data)) {
        refusedCredentials(err, data);
      } else {
        err.println("error: " + name + " failed: Redis answered " + e.getMessage());
      }
    } else if (e instanceof JedisConnectionException) {
      if (e.getCause() instanceof JedisDataException cause && isAuthError(cause)) {
        refusedCredentials(err, cause);
      } else {
        err.println("error: cannot reach Redis (" + rootMessage(e) + "); check --redis");
      }
    } else {
      err.println("error: " + name + " failed: " + rootMessage(e));
      e.printStackTrace(err);
    }
    return RecoCli.FAILED;
  }

  private static void refusedCredentials(PrintWriter err, Exception e) {
    err.println("error: Redis refused the credentials (" + e.getMessage() + "); set "
        + RedisOptions.PASSWORD_ENV + " or " + RedisOptions.PASSWORD_FILE);
  }

  private static boolean isAuthError(Exception e) {
    String m = String.valueOf(e.getMessage());
    return e instanceof JedisAccessControlException || m.startsWith("NOAUTH") || m.startsWith("WRONGPASS")
        || m.contains("AUTH") || m.contains("invalid username-password");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
