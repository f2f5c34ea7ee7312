package com.eplly.recommender.train;

import com.eplly.recommender.als.ImplicitAlsModel;
import com.eplly.recommender.content.ContentSimilarityModel;
import com.eplly.recommender.covisit.CoVisitationModel;
import com.eplly.recommender.ease.EaseModel;
import com.eplly.recommender.popularity.RecencyPopularityModel;
import com.eplly.recommender.sequence.FollowedByModel;
import java.util.Map;
import java.util.Optional;

/**
 * The fitted candidate sources of one training (Spark models are lazy: the seconds cover what
 * fitting forced, the rest is paid when lists are taken).
 */
public record FittedSources(CoVisitationModel coVisits, FollowedByModel followedBy, ImplicitAlsModel als, RecencyPopularityModel popularity,
    EaseModel ease, Optional<ContentSimilarityModel> content, Map<String, Double> fitSeconds) {}
