package com.eplly.generator;

import java.util.List;
import java.util.Map;

/** Word lists that make generated headlines read like a news portal's, per section. */
final class Vocabulary {

  /** Section → share of the catalog. */
  static final Map<String, Double> SECTION_SHARE = Map.of(
      "politics", 0.17, "science", 0.12, "health", 0.12, "sports", 0.13, "technology", 0.12,
      "business", 0.10, "movies", 0.08, "music", 0.08, "fashion", 0.08);

  /** Section → story topics; every article of a story mentions its topic. */
  static final Map<String, List<String>> TOPICS = Map.of(
      "politics", List.of("budget vote", "election reform", "coalition talks", "border policy", "pension bill",
          "climate summit", "trade deal", "city council race", "supreme court ruling", "energy subsidies",
          "housing plan", "minimum wage debate", "EU negotiations", "party leadership race", "tax overhaul"),
      "science", List.of("Mars sample return", "gravitational waves", "coral reef recovery", "fusion reactor",
          "deep sea expedition", "exoplanet atmosphere", "ancient DNA", "solar storm", "quantum computer",
          "glacier melt", "bird migration", "dinosaur fossil", "moon base", "dark matter search", "volcano eruption"),
      "health", List.of("flu season", "sleep study", "new cancer therapy", "heart health", "vaccine rollout",
          "mental health services", "diabetes drug", "gut microbiome", "hospital waiting lists", "air pollution",
          "childhood obesity", "long covid", "antibiotic resistance", "running injuries", "Mediterranean diet"),
      "sports", List.of("cup final", "transfer window", "marathon record", "tennis open", "title race",
          "olympic trials", "coach sacking", "derby match", "cycling tour", "rookie season",
          "doping inquiry", "stadium deal", "world championship", "injury crisis", "playoff series"),
      "technology", List.of("AI chip shortage", "smartphone launch", "data breach", "electric car battery",
          "open source model", "satellite internet", "chip factory", "privacy law", "quantum encryption",
          "robot taxis", "app store ruling", "cloud outage", "VR headset", "social network ban", "browser update"),
      "business", List.of("interest rates", "bank merger", "airline strike", "retail sales", "oil prices",
          "startup funding", "housing market", "inflation report", "supply chain", "jobs report",
          "stock market rally", "shipping costs", "coffee prices", "factory orders", "tourism rebound"),
      "movies", List.of("film festival", "box office", "superhero sequel", "awards season", "streaming deal",
          "director's cut", "animated feature", "documentary premiere", "remake casting", "horror hit",
          "biopic", "studio merger", "indie darling", "space epic", "film restoration"),
      "music", List.of("world tour", "new album", "festival lineup", "chart record", "reunion concert",
          "jazz revival", "opera season", "streaming royalties", "debut single", "music awards",
          "vinyl comeback", "orchestra tour", "songwriter lawsuit", "rap battle", "farewell show"),
      "fashion", List.of("fashion week", "sustainable fabrics", "sneaker drop", "vintage trend",
          "designer debut", "red carpet looks", "luxury brand sale", "streetwear collab", "winter coats",
          "runway diversity", "thrift boom", "jewellery auction", "capsule wardrobe", "couture show", "denim revival"));

  /** Headline templates; {t} is the story topic. */
  static final List<String> HEADLINES = List.of(
      "{t}: what we know so far", "Live updates on the {t}", "Why the {t} matters more than you think",
      "{t} takes a surprising turn", "Five questions about the {t}", "Inside the {t}",
      "The {t}, explained", "Experts divided over the {t}", "{t}: the winners and losers",
      "What the {t} means for you", "A closer look at the {t}", "{t} reaches a turning point",
      "Behind the scenes of the {t}", "The {t} in numbers", "Readers react to the {t}");

  /** Sentences for summaries; {t} is the story topic, {s} the section. */
  static final List<String> SENTENCES = List.of(
      "The {t} has dominated {s} coverage this week.",
      "Analysts say the {t} could shape the months ahead.",
      "Our reporters followed the {t} from the first hours.",
      "Officials are expected to comment on the {t} later today.",
      "Readers have sent hundreds of questions about the {t}.",
      "Here is a guide to the latest developments in the {t}.",
      "The debate over the {t} shows no sign of slowing down.");

  private Vocabulary() {}
}
