"""Links a `childlink sample` folder (CSV parts) with Splink on DuckDB, the reference linker, and
prints pairwise precision, recall and F1 against truth.csv, as Scripts/accuracy.sh does for ChildLink.

Usage: .venv/bin/python Scripts/splink-compare.py SAMPLE_DIR [THRESHOLD]
The sample should be written with --xml-share 0 so that every record is in the CSV files.
"""
import itertools
import sys
import time
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


def load(folder):
    frames = []
    for name, (dataset, id_column) in ID_COLUMNS.items():
        frame = pd.read_csv(f"{folder}/{name}", dtype=str, keep_default_na=False)
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


if __name__ == "__main__":
    main()
