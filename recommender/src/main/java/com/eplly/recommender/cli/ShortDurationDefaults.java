package com.eplly.recommender.cli;

import java.time.Duration;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Durations whose default is a field's initial value (taken from {@code TrainParams.defaults()})
 * show it in their short form in {@code --help} ({@code 7d}, not {@code PT168H}).
 */
final class ShortDurationDefaults implements IDefaultValueProvider {

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg.initialValue() instanceof Duration d ? Durations.format(d) : null;
  }
}
