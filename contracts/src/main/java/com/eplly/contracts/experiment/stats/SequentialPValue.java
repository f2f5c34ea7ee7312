package com.eplly.contracts.experiment.stats;

/**
 * The always-valid p-value after some looks: the running minimum of 1/Λ over them. It only ever
 * falls, and P(it ever drops to α or below | no difference) <= α however often one looks.
 *
 * @param looks  how many looks it has seen
 * @param pValue the always-valid p-value, 1 before any look
 */
public record SequentialPValue(int looks, double pValue) {

  public static final SequentialPValue NONE = new SequentialPValue(0, 1.0);

  public boolean rejects(double alpha) {
    return pValue <= alpha;
  }
}
