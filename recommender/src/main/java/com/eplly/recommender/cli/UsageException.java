package com.eplly.recommender.cli;

/** The command line is wrong (unknown flag, bad value); the CLI prints it with a usage hint, exit 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
