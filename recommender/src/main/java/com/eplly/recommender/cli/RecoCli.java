package com.eplly.recommender.cli;

import com.eplly.recommender.datasets.DatasetException;
import com.eplly.recommender.lake.LakeException;
import com.eplly.recommender.model.ModelStoreException;
import com.eplly.contracts.redis.RegistryException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Entry point of {@code reco}, the data team's CLI: {@code train}, {@code publish},
 * {@code models}, {@code rollback}, {@code activate}, {@code evaluate}, {@code compare}, {@code generate}. Exit
 * codes: 0 done, 1 failed, 2 bad usage.
 */
public final class RecoCli {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final List<Command> commands = List.of(
      new TrainCommand(), new PublishCommand(), new ModelsCommand(), new RollbackCommand(), new ActivateCommand(),
      new EvaluateCommand(), new CompareCommand(), new GenerateCommand());

  public static void main(String[] args) {
    System.exit(new RecoCli().run(args, new CliContext(System.out, System.err, Clock.systemUTC(), System.getenv())));
  }

  public int run(String[] args, CliContext ctx) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printCommands(ctx.out());
      return args.length == 0 ? USAGE : OK;
    }
    Optional<Command> found = commands.stream().filter(c -> c.name().equals(args[0])).findFirst();
    if (found.isEmpty()) {
      ctx.err().println("error: unknown command '" + args[0] + "'");
      printCommands(ctx.err());
      return USAGE;
    }
    Command command = found.get();
    try {
      CommandArgs parsed = CommandArgs.parse(command.flags(), Arrays.copyOfRange(args, 1, args.length), ctx.env());
      if (parsed.help()) {
        printHelp(command, ctx.out());
        return OK;
      }
      return command.run(parsed, ctx);
    } catch (UsageException e) {
      ctx.err().println("error: " + e.getMessage());
      ctx.err().println("see: reco " + command.name() + " --help");
      return USAGE;
    } catch (LakeException | ModelStoreException | RegistryException | DatasetException e) {
      ctx.err().println("error: " + e.getMessage());
      return FAILED;
    } catch (JedisDataException e) {
      if (!isAuthError(e)) {
        ctx.err().println("error: " + command.name() + " failed: Redis answered " + e.getMessage());
        return FAILED;
      }
      return refusedCredentials(ctx, e);
    } catch (JedisConnectionException e) {
      if (e.getCause() instanceof JedisDataException cause && isAuthError(cause)) {
        return refusedCredentials(ctx, cause);
      }
      ctx.err().println("error: cannot reach Redis (" + rootMessage(e) + "); check --redis");
      return FAILED;
    } catch (Exception e) {
      ctx.err().println("error: " + command.name() + " failed: " + rootMessage(e));
      e.printStackTrace(ctx.err());
      return FAILED;
    }
  }

  private static int refusedCredentials(CliContext ctx, Exception e) {
    ctx.err().println("error: Redis refused the credentials (" + e.getMessage() + "); set "
        + RedisOptions.PASSWORD_ENV + " or --" + Flag.REDIS_PASSWORD_FILE.name());
    return FAILED;
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

  private void printCommands(PrintStream out) {
    out.println("usage: reco <command> [options]   (reco <command> --help for its options)");
    out.println();
    for (Command c : commands) {
      out.printf("  %-10s %s%n", c.name(), c.summary());
    }
  }

  private static void printHelp(Command command, PrintStream out) {
    out.println("usage: reco " + command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments())
        + " [options]");
    out.println(command.summary());
    out.println();
    for (Flag f : command.flags()) {
      String left = "--" + f.name() + (f.isSwitch() ? "" : " <value>");
      String dflt = f.defaultValue() == null ? "" : " (default " + f.defaultValue() + ")";
      out.printf("  %-30s %s%s%n", left, f.help(), dflt);
    }
  }
}
