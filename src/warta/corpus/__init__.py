"""Across articles: duplicates, stories, wire provenance and aggregates.

Pure functions over lists of ``warta.model.Article`` (the store calls them; nothing here
touches a database):

- ``dedup.exact_duplicates(articles)`` and ``dedup.near_duplicates(articles)``: groups and
  pairs (estimated and exact Jaccard, containment, earliest version);
  ``dedup.duplicate_groups``; ``dedup.DedupIndex`` for one-by-one ingest.
- ``stories.cluster(articles)`` -> ``Story`` list; ``stories.story_events`` merges the
  events of one story reported by several articles.
- ``provenance.provenance(articles)``: credited wires with evidence spans, near-copy links,
  earliest version, uncredited copies; ``provenance.credited_wires(article)``.
- ``aggregate.by_actor / by_pair / by_country / outlet_wires``: counts by PLOVER type and
  quad class over time with a cooperation/conflict balance.
"""
