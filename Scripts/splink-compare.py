"""Links with Splink on DuckDB, the reference linker, and prints pairwise precision, recall and F1
against the truth, beside ChildLink's figures for the same records.

Children's borough: links a `childlink sample` folder (CSV parts; written with --xml-share 0 so
that every record is in the CSV files) and scores it against truth.csv, as Scripts/accuracy.sh
does for ChildLink. Given ChildLink's links.csv for the same folder, it also prints each linker's
recall on the hard cases: true pairs whose names are nicknames or variants of each other, swapped,
or differ only in diacritics, and whose dates of birth have the day and month transposed.

FEBRL (--febrl): links one file (deduplicated, FEBRL3) or two (linked, FEBRL4) with the model of
Splink's FEBRL4 tutorial (docs/demos/examples/duckdb/febrl4 in the Splink repository: its blocking
rules, comparisons and training), once as it is and once given every column ChildLink compares,
and scores both Splink runs and ChildLink's links.csv with one function against the truth in the
record ids (`rec-12-org` and `rec-12-dup-0` are one person). Prints one table row for each.

Usage: .venv/bin/python Scripts/splink-compare.py SAMPLE_DIR [THRESHOLD] [CHILDLINK_LINKS_CSV]
       .venv/bin/python Scripts/splink-compare.py --febrl CASE CHILDLINK_LINKS_CSV CHILDLINK_SECONDS FILE [FILE]
"""
import itertools
import sys
import time
import unicodedata
from collections import Counter, defaultdict

import pandas as pd
import splink
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


def childlink_pairs(path, key=lambda links: links["Dataset"] + ":" + links["RecordID"]):
    """Every two records ChildLink put in one child, each record named by `key`."""
    links = pd.read_csv(path, dtype=str, keep_default_na=False)
    predicted = set()
    for _, members in key(links).groupby(links["ChildID"]):
        predicted |= set(itertools.combinations(sorted(members), 2))
    return predicted


def cluster_pairs(clusters, id_column):
    """Every two records Splink put in one cluster."""
    predicted = set()
    for _, members in clusters.groupby("cluster_id")[id_column]:
        predicted |= set(itertools.combinations(sorted(members), 2))
    return predicted


def score(predicted, true):
    """Pairwise precision, recall, F1, false pairs and missed pairs."""
    tp = len(predicted & true)
    precision = tp / max(len(predicted), 1)
    recall = tp / max(len(true), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    return precision, recall, f1, len(predicted - true), len(true - predicted)


def new_linker(tables, settings):
    db_api = DuckDBAPI()
    return Linker([db_api.register(table) for table in tables], settings)


def link_children(records, threshold):
    """Splink's children's-borough model: the predicted pairs, after clustering at `threshold`."""
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
    linker = new_linker([records], settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    return cluster_pairs(clusters.as_pandas_dataframe(), "unique_id")


def children(folder, threshold, childlink_links):
    records = load(folder)
    start = time.time()
    predicted = link_children(records, threshold)
    seconds = time.time() - start
    true = truth_pairs(folder, set(records["unique_id"]))
    precision, recall, f1, false_pairs, _ = score(predicted, true)
    print(f"splink records: {len(records)}")
    print(f"splink pairwise precision: {precision:.5f}")
    print(f"splink pairwise recall: {recall:.5f}")
    print(f"splink pairwise F1: {f1:.5f}")
    print(f"splink false links (pairs): {false_pairs}")
    print(f"splink seconds: {seconds:.1f}")
    if childlink_links:
        hard_case_recall(folder, true, {"ChildLink": childlink_pairs(childlink_links), "Splink": predicted})


FEBRL_THRESHOLD = 0.5  # match probability at which a pair is linked, as ChildLink's generic mode


def load_febrl(path):
    """One FEBRL file with its columns and values stripped of the padding after each comma."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    frame.columns = [name.strip() for name in frame.columns]
    return frame.apply(lambda column: column.str.strip()).replace("", None)


def febrl_settings(columns, link_type, every_column):
    """The model of Splink's FEBRL4 tutorial: its blocking rules, comparisons and training rules.
    With `every_column` it also compares what ChildLink compares and the tutorial leaves out (the
    address line, its second line, suburb and state). Without a soc_sec_id column the rules and
    the comparison that use it are left out."""
    has_id = "soc_sec_id" in columns
    blocking = [
        block_on("given_name", "surname"),
        "l.given_name = r.surname and l.surname = r.given_name",
        block_on("date_of_birth"),
        *([block_on("soc_sec_id")] if has_id else []),
        block_on("state", "address_1"),
        block_on("street_number", "address_1"),
        block_on("postcode"),
    ]
    comparisons = [
        cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("surname").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                 invalid_dates_as_null=True),
        *([cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2])] if has_id else []),
        cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
        cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
    ]
    if every_column:
        comparisons += [
            cl.JaroWinklerAtThresholds("address_1"),
            cl.JaroWinklerAtThresholds("address_2"),
            cl.JaroWinklerAtThresholds("suburb").configure(term_frequency_adjustments=True),
            cl.ExactMatch("state").configure(term_frequency_adjustments=True),
        ]
    deterministic = [*([block_on("soc_sec_id")] if has_id else []),
                     block_on("given_name", "surname", "date_of_birth")]
    settings = SettingsCreator(unique_id_column_name="rec_id", link_type=link_type,
                               blocking_rules_to_generate_predictions=blocking, comparisons=comparisons,
                               retain_intermediate_calculation_columns=False)
    return settings, deterministic


def link_febrl(tables, every_column):
    """Splink's predicted pairs of rec_ids, after clustering at FEBRL_THRESHOLD."""
    link_type = "link_only" if len(tables) > 1 else "dedupe_only"
    settings, deterministic = febrl_settings(tables[0].columns, link_type, every_column)
    linker = new_linker(tables, settings)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    for rule in (block_on("date_of_birth"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True)
    predictions = linker.inference.predict(threshold_match_probability=FEBRL_THRESHOLD)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, FEBRL_THRESHOLD)
    return cluster_pairs(clusters.as_pandas_dataframe(), "rec_id")


def febrl_truth(ids):
    """Every two records whose rec_ids name one person (rec-12-org, rec-12-dup-0)."""
    people = defaultdict(list)
    for record in ids:
        people["-".join(record.split("-")[:2])].append(record)
    return {tuple(sorted(p)) for members in people.values() for p in itertools.combinations(members, 2)}


def febrl(case, childlink_links, childlink_seconds, paths):
    """One table row for ChildLink and one for each Splink model; seconds are wall time, Splink's
    from reading the files to its clusters (the Python start and imports not counted)."""
    ids = [record for path in paths for record in load_febrl(path)["rec_id"]]
    if len(set(ids)) != len(ids):
        sys.exit(f"{case}: a rec_id is in two files; records are named by rec_id alone")
    true = febrl_truth(ids)
    rows = [("ChildLink", childlink_pairs(childlink_links, key=lambda links: links["RecordID"]),
             float(childlink_seconds))]
    for label, every_column in (("tutorial", False), ("all columns", True)):
        start = time.time()
        predicted = link_febrl([load_febrl(path) for path in paths], every_column)
        rows.append((f"Splink {splink.__version__}, {label}", predicted, time.time() - start))
    for linker, pairs, seconds in rows:
        precision, recall, f1, false_pairs, missed = score(pairs, true)
        print(f"{case:16} {linker:27} {len(ids):7d} {precision:9.5f} {recall:9.5f} {f1:9.5f} "
              f"{false_pairs:6d} {missed:6d} {seconds:7.1f}", flush=True)


def main():
    if sys.argv[1:2] == ["--febrl"] and len(sys.argv) in (6, 7):
        febrl(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif len(sys.argv) in (2, 3, 4) and not sys.argv[1].startswith("-"):
        children(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.9,
                 sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(__doc__.strip().split("\n\n")[-1])


if __name__ == "__main__":
    main()
