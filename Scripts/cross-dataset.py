#!/usr/bin/env python3
"""Scores a run's links.csv against a truth file on what the Inclusion Scorecard counts (standard
library only, independent of ChildLink's own evaluation):

    Scripts/cross-dataset.py TRUTH.csv OUT/links.csv

prints pairwise precision and recall over pairs of records from *different* datasets, and the
cohort of children in two or more strands in the truth and as linked; with OUT/pairs.csv beside
links.csv, also the cohort if every review-band pair (probability 0.5 up to the link threshold) of
two children were confirmed, as the Inclusion Scorecard's "Waiting for a review decision" counts it.
"""
import collections
import csv
import itertools
import os
import sys


def read(path, column):
    with open(path, newline="", encoding="utf-8") as handle:
        return {(row["Dataset"], row["RecordID"]): row[column] for row in csv.DictReader(handle)}


def clusters(mapping):
    groups = collections.defaultdict(list)
    for key, child in mapping.items():
        groups[child].append(key)
    return groups.values()


def cross_pairs(mapping):
    pairs = set()
    for members in clusters(mapping):
        for a, b in itertools.combinations(sorted(members), 2):
            if a[0] != b[0]:
                pairs.add((a, b))
    return pairs


def cohort(mapping):
    return sum(1 for members in clusters(mapping) if len({key[0] for key in members}) >= 2)


def confirming_review_band(links, pairs_path):
    """`links` with every review-band pair of two children joined (union-find over child ids)."""
    parent = {}

    def root(child):
        while parent.get(child, child) != child:
            child = parent[child]
        return child

    with open(pairs_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Decision"] != "review" or float(row["MatchProbability"]) < 0.5:
                continue
            a = links.get((row["Dataset1"], row["RecordID1"]))
            b = links.get((row["Dataset2"], row["RecordID2"]))
            if a is None or b is None or root(a) == root(b):
                continue
            parent[root(a)] = root(b)
    return {key: root(child) for key, child in links.items()}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    truth = read(sys.argv[1], "TrueChildID")
    links = read(sys.argv[2], "ChildID")
    keys = set(truth) & set(links)
    truth = {key: truth[key] for key in keys}
    links = {key: links[key] for key in keys}
    true_pairs, linked_pairs = cross_pairs(truth), cross_pairs(links)
    right = len(true_pairs & linked_pairs)
    print(f"cross-dataset pairs: true {len(true_pairs)}, linked {len(linked_pairs)}, "
          f"precision {right / max(1, len(linked_pairs)):.5f}, recall {right / max(1, len(true_pairs)):.5f}")
    true_cohort, linked_cohort = cohort(truth), cohort(links)
    print(f"children in 2+ strands: truth {true_cohort}, linked {linked_cohort} "
          f"({100 * (linked_cohort - true_cohort) / max(1, true_cohort):+.2f} %)")
    pairs_path = os.path.join(os.path.dirname(sys.argv[2]), "pairs.csv")
    if os.path.exists(pairs_path):
        confirmed = cohort(confirming_review_band(links, pairs_path))
        print(f"children in 2+ strands if every review-band pair were confirmed: {confirmed} "
              f"({100 * (confirmed - true_cohort) / max(1, true_cohort):+.2f} %)")


if __name__ == "__main__":
    main()
