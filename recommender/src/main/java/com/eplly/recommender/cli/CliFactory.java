package com.eplly.recommender.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the commands and mixins picocli instantiates, handing the {@link CliContext} to those
 * whose constructor takes it (constructor injection; tests pass their own streams, clock and environment).
 */
record CliFactory(CliContext context) implements IFactory {

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withContext;
    try {
      withContext = type.getDeclaredConstructor(CliContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    return withContext.newInstance(context);
  }
}
