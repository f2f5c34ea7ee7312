package com.eplly.recommender.evaluate;

import com.eplly.recommender.datasets.Interaction;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Dense integer ids (0..size-1, in id order) of the items a protocol's training data knows. */
public final class ItemIndex {

  private final List<String> labels;
  private final Map<String, Integer> ids;

  private ItemIndex(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.ids = new HashMap<>(labels.size() * 2);
    for (int i = 0; i < labels.size(); i++) {
      ids.put(labels.get(i), i);
    }
  }

  public static ItemIndex of(Collection<Interaction> train) {
    TreeSet<String> sorted = new TreeSet<>();
    train.forEach(i -> sorted.add(i.itemId()));
    return new ItemIndex(List.copyOf(sorted));
  }

  /** The item's index, or -1 when training never saw it. */
  public int index(String itemId) {
    Integer i = ids.get(itemId);
    return i == null ? -1 : i;
  }

  public String label(int index) {
    return labels.get(index);
  }

  public int size() {
    return labels.size();
  }
}
