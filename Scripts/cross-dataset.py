#!/usr/bin/env python3
"""Scores a run's links.csv against a truth file on what the Inclusion Scorecard counts (standard
library only, independent of ChildLink's own evaluation):

    Scripts/cross-dataset.py TRUTH.csv OUT/links.csv [--perfect-reviewer]

prints pairwise precision and recall over pairs of records from *different* datasets, and the
cohort of children in two or more strands in the truth and as linked; with OUT/pairs.csv beside
links.csv, also the cohort if every review-band pair (probability 0.5 up to the link threshold) of
two children were confirmed, as the Inclusion Scorecard's "Waiting for a review decision" counts it.

With --perfect-reviewer (on a run made with `--review-threshold 0.0000001`, so that pairs.csv keeps
every pair compared), also what a reviewer who never erred could reach: the cross-dataset recall
and the cohort if every pair of one true child left apart were joined, kind by kind and each on top
of the last: the review band (0.5 up to the link threshold), then the pairs below 0.5, then those
the twin guard held, then those the other guards held. What is left after the last is never
compared (blocking) or lost to false joins.
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


def shortfall(linked, true):
    """How far `linked` is from `true`, as the summary prints it (`+1.25 %`)."""
    return f"{100 * (linked - true) / max(1, true):+.2f} %"


def joining(links, child_pairs):
    """`links` with each pair of child ids in `child_pairs` joined (union-find over child ids)."""
    parent = {}

    def root(child):
        while parent.get(child, child) != child:
            child = parent[child]
        return child

    for a, b in child_pairs:
        if root(a) != root(b):
            parent[root(a)] = root(b)
    return {key: root(child) for key, child in links.items()}


def confirming_review_band(links, pairs_path):
    """`links` with every review-band pair of two children joined."""
    review = []
    with open(pairs_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Decision"] != "review" or float(row["MatchProbability"]) < 0.5:
                continue
            a = links.get((row["Dataset1"], row["RecordID1"]))
            b = links.get((row["Dataset2"], row["RecordID2"]))
            if a is not None and b is not None:
                review.append((a, b))
    return joining(links, review)


def held_kind(row):
    """The kind of a pair left apart, as `--perfect-reviewer` counts it, or None for a joined pair."""
    decision = row["Decision"]
    if decision == "review":
        return "review band" if float(row["MatchProbability"]) >= 0.5 else "below 0.5"
    if decision == "blocked: twins":
        return "twin guard"
    if decision.startswith("blocked"):
        return "other guards"
    return None


def perfect_reviewer(truth, links, pairs_path):
    """Prints the cross-dataset recall and the cohort with every true pair of each held kind joined."""
    kinds = ["review band", "below 0.5", "twin guard", "other guards"]
    held = {kind: [] for kind in kinds}
    with open(pairs_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a, b = (row["Dataset1"], row["RecordID1"]), (row["Dataset2"], row["RecordID2"])
            kind = held_kind(row)
            if kind and a in links and b in links and truth[a] == truth[b] and links[a] != links[b]:
                held[kind].append((links[a], links[b]))
    true_pairs, true_cohort = cross_pairs(truth), cohort(truth)
    phrases = ["the review band's pairs of one child", "+ those below 0.5", "+ those the twin guard held",
               "+ those the other guards held"]
    so_far = []
    for kind, phrase in zip(kinds, phrases):
        so_far += held[kind]
        joined = joining(links, so_far)
        recall = len(true_pairs & cross_pairs(joined)) / max(1, len(true_pairs))
        linked_cohort = cohort(joined)
        print(f"a perfect reviewer joining {phrase}: cross-dataset recall {recall:.5f}, children in 2+ strands "
              f"{linked_cohort} ({shortfall(linked_cohort, true_cohort)})")


def main():
    flag = "--perfect-reviewer"
    arguments = [argument for argument in sys.argv[1:] if argument != flag]
    if len(arguments) != 2:
        sys.exit(__doc__)
    truth_path, links_path = arguments
    truth = read(truth_path, "TrueChildID")
    links = read(links_path, "ChildID")
    keys = set(truth) & set(links)
    truth = {key: truth[key] for key in keys}
    links = {key: links[key] for key in keys}
    true_pairs, linked_pairs = cross_pairs(truth), cross_pairs(links)
    right = len(true_pairs & linked_pairs)
    print(f"cross-dataset pairs: true {len(true_pairs)}, linked {len(linked_pairs)}, "
          f"precision {right / max(1, len(linked_pairs)):.5f}, recall {right / max(1, len(true_pairs)):.5f}")
    true_cohort, linked_cohort = cohort(truth), cohort(links)
    print(f"children in 2+ strands: truth {true_cohort}, linked {linked_cohort} "
          f"({shortfall(linked_cohort, true_cohort)})")
    pairs_path = os.path.join(os.path.dirname(links_path), "pairs.csv")
    if os.path.exists(pairs_path):
        confirmed = cohort(confirming_review_band(links, pairs_path))
        print(f"children in 2+ strands if every review-band pair were confirmed: {confirmed} "
              f"({shortfall(confirmed, true_cohort)})")
        if flag in sys.argv[1:]:
            perfect_reviewer(truth, links, pairs_path)
    elif flag in sys.argv[1:]:
        sys.exit(f"{flag} needs {pairs_path}: run `childlink link` with --out beside it and "
                 "--review-threshold 0.0000001")


if __name__ == "__main__":
    main()
