"""Links a `childlink sample` folder (CSV parts) with Splink on DuckDB, the reference linker, and
prints pairwise precision, recall and F1 against truth.csv, as Scripts/accuracy.sh does for ChildLink.
Given ChildLink's links.csv for the same folder, it also prints each linker's recall on the hard
cases: true pairs whose names are nicknames or variants of each other, swapped, or differ only in
diacritics, and whose dates of birth have the day and month transposed.

Usage: .venv/bin/python Scripts/splink-compare.py SAMPLE_DIR [THRESHOLD] [CHILDLINK_LINKS_CSV]
The sample should be written with --xml-share 0 so that every record is in the CSV files.
"""
import itertools
import sys
import time
import unicodedata
from collections import Counter, defaultdict

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

ID_COLUMNS = {
    "missing-episodes.csv": ("Missing", "EpisodeID"),
    "cme-referrals.csv": ("CME", "ReferralID"),
    "ehe-records.csv": ("EHE", "EHEID"),
    "exclusions.csv": ("Exclusions", "ExclusionID"),
}


def load(folder, raw=False):
    frames = []
    for name, (dataset, id_column) in ID_COLUMNS.items():
        frame = pd.read_csv(f"{folder}/{name}", dtype=str, keep_default_na=False)
        if raw:
            frames.append(pd.DataFrame({
                "unique_id": dataset + ":" + frame[id_column], "first_name": frame["Forename"],
                "surname": frame["Surname"], "dob": frame["DateOfBirth"],
            }))
            continue
        frame = pd.DataFrame({
            "unique_id": dataset + ":" + frame[id_column],
            "first_name": frame["Forename"].str.lower(),
            "surname": frame["Surname"].str.lower(),
            "dob": pd.to_datetime(frame["DateOfBirth"], format="%d/%m/%Y", errors="coerce").dt.strftime("%Y-%m-%d"),
            "postcode": frame["Postcode"].str.upper().str.replace(" ", ""),
            "gender": frame["Gender"],
        })
        frames.append(frame)
    records = pd.concat(frames, ignore_index=True).replace("", None)
    return records


def truth_pairs(folder, ids):
    truth = pd.read_csv(f"{folder}/truth.csv", dtype=str)
    groups = defaultdict(list)
    for dataset, record, child in truth.itertuples(index=False):
        key = f"{dataset}:{record}"
        if key in ids:
            groups[child].append(key)
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(members, 2)}


def fold(text):
    """Lower case without diacritics or punctuation: the form in which a diacritic is no difference."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if c.isalpha()).lower()


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def hard_case(a, b):
    """The hard case a true pair of records is, if any (one label, checked in this order)."""
    fa, fb, sa, sb = fold(a.first_name), fold(b.first_name), fold(a.surname), fold(b.surname)
    if fa and sa and fa == sb and sa == fb and fa != sa:
        return "swapped names"
    da, db = a.dob.split("/"), b.dob.split("/")
    if len(da) == 3 and len(db) == 3 and da[0] != da[1] and (da[0], da[1], da[2]) == (db[1], db[0], db[2]):
        return "day and month transposed"
    if (a.first_name, a.surname) != (b.first_name, b.surname) and (fa, sa) == (fb, sb):
        return "diacritics only"
    if fa and fb and sa == sb and fa != fb and fa[:1] == fb[:1] and edit_distance(fa, fb) > 2:
        return "nickname or variant"
    return None


def hard_case_recall(folder, true, linkers):
    """Recall on each kind of hard true pair, for each linker's predicted pairs."""
    raw = load(folder, raw=True).set_index("unique_id")
    kinds = defaultdict(list)
    for pair in true:
        kind = hard_case(raw.loc[pair[0]], raw.loc[pair[1]])
        if kind:
            kinds[kind].append(pair)
    print("hard cases (recall on the true pairs of each kind):")
    print(f"  {'kind':28} {'pairs':>7} " + " ".join(f"{name:>10}" for name in linkers))
    for kind in sorted(kinds):
        pairs = kinds[kind]
        cells = " ".join(f"{sum(p in predicted for p in pairs) / len(pairs):10.5f}" for predicted in linkers.values())
        print(f"  {kind:28} {len(pairs):7d} {cells}")


def childlink_pairs(path):
    links = pd.read_csv(path, dtype=str, keep_default_na=False)
    predicted = set()
    for _, members in (links["Dataset"] + ":" + links["RecordID"]).groupby(links["ChildID"]):
        predicted |= set(itertools.combinations(sorted(members), 2))
    return predicted


def main():
    folder = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.9
    records = load(folder)
    start = time.time()
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("dob"), block_on("surname", "substr(first_name, 1, 1)"), block_on("postcode"),
        ],
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("gender"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    try:
        linker = Linker(db_api.register(records), settings)  # Splink 5
    except AttributeError:
        linker = Linker(records, settings, db_api=db_api)  # Splink 4
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold).as_pandas_dataframe()
    seconds = time.time() - start
    predicted = set()
    for _, members in clusters.groupby("cluster_id")["unique_id"]:
        predicted |= set(itertools.combinations(sorted(members), 2))
    true = truth_pairs(folder, set(records["unique_id"]))
    tp = len(predicted & true)
    precision = tp / max(len(predicted), 1)
    recall = tp / max(len(true), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    print(f"splink records: {len(records)}")
    print(f"splink pairwise precision: {precision:.5f}")
    print(f"splink pairwise recall: {recall:.5f}")
    print(f"splink pairwise F1: {f1:.5f}")
    print(f"splink false links (pairs): {len(predicted - true)}")
    print(f"splink seconds: {seconds:.1f}")
    if len(sys.argv) > 3:
        hard_case_recall(folder, true, {"ChildLink": childlink_pairs(sys.argv[3]), "Splink": predicted})


if __name__ == "__main__":
    main()
