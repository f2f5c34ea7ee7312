package com.eplly.recommender.datasets;

import java.util.List;

/**
 * A loaded dataset: its interactions and whatever catalog it ships (possibly empty).
 *
 * @param name         dataset name as given on the command line
 * @param source       where it was read from, for reports
 * @param interactions in file order
 * @param catalog      items with metadata; empty when the dataset has none
 */
public record InteractionData(String name, String source, List<Interaction> interactions, List<CatalogItem> catalog) {

  public InteractionData {
    interactions = List.copyOf(interactions);
    catalog = List.copyOf(catalog);
  }
}
