package com.eplly.recommender.evaluate;

/**
 * Mean metrics of one model at one cut-off k.
 *
 * @param k         cut-off
 * @param hr        share of queries with a hit in the top k
 * @param mrr       mean reciprocal rank of the first hit (0 beyond k)
 * @param ndcg      mean nDCG@k
 * @param precision mean precision@k
 * @param recall    mean recall@k
 * @param map       mean average precision@k
 * @param coverage  share of training items recommended to anyone
 * @param novelty   mean self-information of recommended items (bits)
 * @param popularity popularity bias (session-rec's Popularity@k): mean over lists of the mean training
 *                   click count of the listed items, over the most clicked item's; 0 when not measured
 * @param fresh     share of recommended items published less than 24 h before the answers were
 *                  given (NaN when the data has no publication times)
 */
public record MetricSet(int k, double hr, double mrr, double ndcg, double precision, double recall, double map,
    double coverage, double novelty, double popularity, double fresh) {

  MetricSet withFresh(double share) {
    return new MetricSet(k, hr, mrr, ndcg, precision, recall, map, coverage, novelty, popularity, share);
  }
}
