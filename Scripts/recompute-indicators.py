#!/usr/bin/env python3
"""Recompute scorecard indicators from the extracts, independently of ChildLink, and compare.

Usage:
    Scripts/recompute-indicators.py EXTRACTS CHILDLINK_OUTPUT --period 2018/19

EXTRACTS is a folder written by `childlink sample --xml-share 0` (every record in the CSVs, with
truth.csv saying which record belongs to which invented child). CHILDLINK_OUTPUT is a folder holding
ChildLink's CSV output for the same period (`childlink scorecard missing|exclusions|inclusion --period P
EXTRACTS --format csv --no-store --no-suppress --out CHILDLINK_OUTPUT`). Every figure recomputed here is worked out
from the extracts with this file's own reading of the definitions in docs/indicators.md, children
counted by truth.csv (not by ChildLink's linkage), and compared with ChildLink's CSV cell by cell.

Recomputed: the Missing scorecard's groups 1-10 and A (every month of the financial year to the
period, and the year to date), and the exclusions scorecard's groups 1, 2, 4 and 5 (the academic
year's terms, the year to date, and the two years before), and the Inclusion Scorecard's children in
each combination of the strands and in one to four strands (run it with --no-suppress). Not
recomputed here: exclusions 3.1, the Inclusion Scorecard's LAC and risk splits and trend, and the CME
and EHE scorecards.

Each difference is printed as `scorecard ref column: childlink N, recomputed M` with its kind:
`children` (a count of children: the linkage decides who is one child), or `events` (a count of
episodes or exclusions, which linkage changes only through one event keyed twice being counted once
per child). The last line is a summary; the exit code is 0 unless the files cannot be read (2).
Python 3 standard library only.
"""

import argparse
import csv
import datetime as dt
import glob
import os
import sys
from collections import defaultdict

BANK_HOLIDAYS = {
    dt.date(*d)
    for d in [
        (2017, 1, 2), (2017, 4, 14), (2017, 4, 17), (2017, 5, 1), (2017, 5, 29), (2017, 8, 28),
        (2017, 12, 25), (2017, 12, 26), (2018, 1, 1), (2018, 3, 30), (2018, 4, 2), (2018, 5, 7),
        (2018, 5, 28), (2018, 8, 27), (2018, 12, 25), (2018, 12, 26), (2019, 1, 1), (2019, 4, 19),
        (2019, 4, 22), (2019, 5, 6), (2019, 5, 27), (2019, 8, 26), (2019, 12, 25), (2019, 12, 26),
        (2020, 1, 1), (2020, 4, 10), (2020, 4, 13), (2020, 5, 8), (2020, 5, 25), (2020, 8, 31),
        (2020, 12, 25), (2020, 12, 28),
    ]
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def date(text):
    text = (text or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def datetime(text):
    text = (text or "").strip()
    for fmt in ("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    return None


def age(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def add_working_days(day, count):
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            count -= 1
    return day


def easter_sunday(year):
    """Anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def truth(folder):
    return {(row["Dataset"], row["RecordID"]): row["TrueChildID"] for row in read_csv(os.path.join(folder, "truth.csv"))}


def once_per_child(records, key, fullness):
    """One event keyed twice for the same child counts once: the fuller record, then the lower id."""
    best = {}
    for record in records:
        k = (record["child"],) + key(record)
        if k not in best or (-fullness(record), record["id"]) < (-fullness(best[k]), best[k]["id"]):
            best[k] = record
    return list(best.values())


# MARK: Missing


def best_known(folder, children):
    """Each true child's most often recorded gender and ethnicity over all four extracts, for a record
    that has none (the definitions: the record's, else the child's best-known)."""
    seen = defaultdict(lambda: (defaultdict(int), defaultdict(int)))
    for name, dataset, id_field in (("missing-episodes.csv", "Missing", "EpisodeID"),
                                    ("cme-referrals.csv", "CME", "ReferralID"), ("ehe-records.csv", "EHE", "EHEID"),
                                    ("exclusions.csv", "Exclusions", "ExclusionID")):
        for row in read_csv(os.path.join(folder, name)):
            child = children.get((dataset, row[id_field]))
            gender, ethnicity = gender_code(row["Gender"]), row["Ethnicity"].strip().upper()
            if gender:
                seen[child][0][gender] += 1
            if ethnicity:
                seen[child][1][ethnicity] += 1
    pick = lambda counts: max(sorted(counts), key=counts.get) if counts else ""  # noqa: E731
    return {child: (pick(g), pick(e)) for child, (g, e) in seen.items()}


def gender_code(text):
    text = text.strip().lower()
    return text[:1] if text in ("f", "female", "m", "male") else ""


def missing_episodes(folder, children):
    best = best_known(folder, children)
    episodes = []
    for row in read_csv(os.path.join(folder, "missing-episodes.csv")):
        start = datetime(row["StartDateTime"])
        if start is None:
            continue
        episodes.append({
            "id": row["EpisodeID"], "child": children.get(("Missing", row["EpisodeID"])),
            "type": (row["EpisodeType"] or "Missing").strip().lower(), "start": start,
            "end": datetime(row["EndDateTime"]), "status": row["SocialCareStatus"].strip().upper(),
            "cse": row["CSERisk"].strip().lower(), "offered": row["RHIOffered"].strip().lower(),
            "accepted": row["RHIAccepted"].strip().lower(), "completed": date(row["RHICompletedDate"]),
            "gender": gender_code(row["Gender"]), "dob": date(row["DateOfBirth"]),
            "ethnicity": row["Ethnicity"].strip().upper(), "distance": row["PlacementDistanceMiles"].strip(),
        })
        child = episodes[-1]["child"]
        episodes[-1]["gender"] = episodes[-1]["gender"] or best.get(child, ("", ""))[0]
        episodes[-1]["ethnicity"] = episodes[-1]["ethnicity"] or best.get(child, ("", ""))[1]
    return once_per_child(
        episodes, lambda e: (e["start"],), lambda e: (e["end"] is not None) * 2 + (e["completed"] is not None))


def financial_months(period_end):
    start_year = period_end.year if period_end.month >= 4 else period_end.year - 1
    months, year, month = [], start_year, 4
    while (year, month) <= (period_end.year, period_end.month):
        first = dt.date(year, month, 1)
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        months.append((f"{MONTHS[month - 1]}-{year % 100:02d}", first, last))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def missing_figures(episodes, period_end):
    """{(ref, column): (count, kind)}"""
    figures = {}
    months = financial_months(period_end)
    columns = months + [("YTD", months[0][1], months[-1][2])]
    for label, first, last in columns:
        inside = [e for e in episodes if first <= e["start"].date() <= last]
        missing = [e for e in inside if e["type"] in ("missing", "")]
        absent = [e for e in inside if e["type"] == "absent"]
        groups = {"1": missing, "2": [e for e in missing if e["status"] == "LAC"],
                  "3": [e for e in missing if e["cse"] in ("medium", "high")]}
        for group, items in groups.items():
            per_child = defaultdict(int)
            for e in items:
                per_child[e["child"]] += 1
            figures[(f"{group}.1", label)] = (len(items), "events")
            figures[(f"{group}.2", label)] = (len(per_child), "children")
            figures[(f"{group}.3", label)] = (sum(1 for n in per_child.values() if n >= 3), "children")
        figures[("A.1", label)] = (len(absent), "events")
        figures[("A.2", label)] = (len({e["child"] for e in absent}), "children")
        count = lambda test: (sum(1 for e in missing if test(e)), "events")  # noqa: E731
        offered = lambda e: e["offered"] == "yes"  # noqa: E731
        accepted = lambda e: offered(e) and e["accepted"] == "yes"  # noqa: E731

        def in_working_days(e):
            return e["end"] is not None and e["completed"] is not None and \
                e["completed"] <= add_working_days(e["end"].date(), 3)

        def in_72_hours(e):
            return e["end"] is not None and e["completed"] is not None and \
                e["completed"] <= (e["end"] + dt.timedelta(hours=72)).date()

        figures[("5.1", label)] = count(offered)
        figures[("5.2", label)] = count(accepted)
        figures[("5.3a", label)] = count(lambda e: accepted(e) and in_working_days(e))
        figures[("5.3b", label)] = count(lambda e: accepted(e) and not in_working_days(e))
        figures[("5.4", label)] = count(lambda e: accepted(e) and in_72_hours(e))
        for ref, codes in [("6.1", {"EH"}), ("6.2", {"CIN"}), ("6.3", {"CPP", "CP"}), ("6.4", {"LAC"}),
                           ("6.5", {"CL"}), ("6.6", {"NAC", "OLA"}), ("6.7", {"OLA"})]:
            figures[(ref, label)] = count(lambda e, codes=codes: e["status"] in codes)
        figures[("7.1", label)] = count(lambda e: e["gender"] == "f")
        figures[("7.2", label)] = count(lambda e: e["gender"] == "m")
        figures[("7.3", label)] = count(lambda e: e["gender"] not in ("f", "m"))
        ages = [age(e["dob"], e["start"].date()) if e["dob"] else None for e in missing]
        figures[("9.1", label)] = (sum(1 for a in ages if a is not None and a < 10), "events")
        for offset, years in enumerate(range(10, 17)):
            figures[(f"9.{offset + 2}", label)] = (ages.count(years), "events")
        figures[("9.9", label)] = (sum(1 for a in ages if a is not None and a >= 17), "events")
        figures[("9.10", label)] = (ages.count(None), "events")
        groups = [ETHNIC_GROUPS.get(e["ethnicity"], "8.15") for e in missing]
        for ref in set(ETHNIC_GROUPS.values()) | {"8.15"}:
            figures[(ref, label)] = (groups.count(ref), "events")
        figures[("8.16", label)] = (sum(1 for g in groups if g not in ("8.1", "8.15", "8.21")), "events")
        looked_after = [e for e in missing if e["status"] == "LAC"]
        for e_ref in [f"10.{n}" for n in range(1, 13)]:
            figures[(e_ref, label)] = (sum(1 for e in looked_after if distance_band(e["distance"]) == e_ref), "events")
    for label, first, last in months:
        started = [e for e in episodes if first <= e["start"].date() <= last and e["type"] in ("missing", "")]
        for e in started:
            returned = e["end"] is not None and e["end"].date() <= last
            days = (e["end"].date() - e["start"].date()).days if returned else None
            ref = "4.8" if days is None else f"4.{min(days, 6) + 1}"
            figures[(ref, label)] = (figures.get((ref, label), (0, ""))[0] + 1, "events")
        for ref in [f"4.{n}" for n in range(1, 9)]:
            figures.setdefault((ref, label), (0, "events"))
    for n in range(1, 8):
        figures[(f"4.{n}", "YTD")] = (sum(figures[(f"4.{n}", m[0])][0] for m in months), "events")
    return figures


# The seed's ethnicity rows (8.1 A1 White British ... 8.15 E4 not obtained, then 8.17 C1 ... 8.21 E3
# refused), from the DfE extended codes an extract carries; a blank or unknown code is not obtained.
ETHNIC_GROUPS = {
    "WBRI": "8.1", "WIRI": "8.2", "WOTH": "8.3", "WIRT": "8.4", "WROM": "8.5", "MWBC": "8.6", "MWBA": "8.7",
    "MWAS": "8.8", "MOTH": "8.9", "APKN": "8.10", "AOTH": "8.11", "BAFR": "8.12", "BOTH": "8.13", "OOTH": "8.14",
    "NOBT": "8.15", "AIND": "8.17", "ABAN": "8.18", "BCRB": "8.19", "CHNE": "8.20", "REFU": "8.21",
}


def distance_band(text):
    """10.1 ten miles or under, 10.2 11-20 ... 10.11 101+, 10.12 not recorded."""
    try:
        miles = float(text)
    except ValueError:
        return "10.12"
    for band in range(10):
        if miles <= 10 * (band + 1):
            return f"10.{band + 1}"
    return "10.11"


# MARK: Exclusions

PHASES = {"primary": "3", "secondary": "4", "special": "5", "ap": "6", "pru": "6", "post-16": "7", "post16": "7"}


def exclusions(folder, children):
    records = []
    for row in read_csv(os.path.join(folder, "exclusions.csv")):
        start = date(row["StartDate"])
        category = row["Category"].strip().upper()
        if start is None or category not in ("SUSP", "LNCH", "PERM", "FIXED", "FTE"):
            continue
        sessions = row["Sessions"].strip()
        records.append({
            "id": row["ExclusionID"], "child": children.get(("Exclusions", row["ExclusionID"])), "start": start,
            "permanent": category == "PERM", "category": category,
            "phase": PHASES.get(row["Phase"].strip().lower(), "8"), "reason": row["Reason1"].strip().upper(),
            "sessions": float(sessions) if sessions else None,
        })
    return once_per_child(records, lambda x: (x["start"], x["category"]), lambda x: x["sessions"] is not None)


def academic_columns(period_end):
    year = period_end.year if period_end.month >= 9 else period_end.year - 1
    easter = easter_sunday(year + 1)
    terms = [(f"Autumn {year}", dt.date(year, 9, 1), dt.date(year, 12, 31)),
             (f"Spring {year + 1}", dt.date(year + 1, 1, 1), easter),
             (f"Summer {year + 1}", easter + dt.timedelta(days=1), dt.date(year + 1, 8, 31))]
    terms = [t for t in terms if t[1] <= period_end]
    prior = [(f"{y}/{(y + 1) % 100:02d}", dt.date(y, 9, 1), dt.date(y + 1, 8, 31)) for y in (year - 2, year - 1)]
    return terms + [("YTD", dt.date(year, 9, 1), min(period_end, dt.date(year + 1, 8, 31)))] + prior


def exclusion_figures(records, period_end):
    figures = {}
    for label, first, last in academic_columns(period_end):
        inside = [x for x in records if first <= x["start"] <= last]
        for group, items in (("1", [x for x in inside if not x["permanent"]]),
                             ("2", [x for x in inside if x["permanent"]])):
            figures[(f"{group}.1", label)] = (len(items), "events")
            figures[(f"{group}.2", label)] = (len({x["child"] for x in items}), "children")
            for phase in "345678":
                figures[(f"{group}.{phase}", label)] = (sum(1 for x in items if x["phase"] == phase), "events")
        for reason in {x["reason"] for x in records if x["reason"]}:
            figures[(f"reason {reason}", label)] = (sum(1 for x in inside if x["reason"] == reason), "events")
        suspensions = [x for x in inside if not x["permanent"]]
        with_sessions = [x["sessions"] for x in suspensions if x["sessions"] is not None]
        figures[("5.1", label)] = (len(with_sessions), "events")
        total = sum(with_sessions)
        figures[("5.2", label)] = (int(total + 0.5), "events")
    return figures


# MARK: Inclusion


def strand_members(folder, children, first, last):
    """Each true child's strands in the period: a missing episode (not an absence) or an exclusion
    starting in it, a CME case or EHE spell open during it (an EHE record marked OfficerInvolvement or
    InvolvementPending Yes is an officer's involvement, not a spell)."""
    strands = defaultdict(set)
    for row in read_csv(os.path.join(folder, "missing-episodes.csv")):
        start = datetime(row["StartDateTime"])
        if start and first <= start.date() <= last and (row["EpisodeType"] or "Missing").strip().lower() != "absent":
            strands[children.get(("Missing", row["EpisodeID"]))].add("Missing")
    for name, dataset, id_field, begin, end in (("cme-referrals.csv", "CME", "ReferralID", "ReferralDate", "ClosedDate"),
                                               ("ehe-records.csv", "EHE", "EHEID", "StartDate", "EndDate")):
        for row in read_csv(os.path.join(folder, name)):
            if any((row.get(field) or "").strip().lower() in ("yes", "y", "true", "1", "t")
                   for field in ("OfficerInvolvement", "InvolvementPending")):
                continue
            opened, closed = date(row[begin]), date(row[end])
            if opened and opened <= last and (closed is None or closed >= first):
                strands[children.get((dataset, row[id_field]))].add(dataset)
    for row in read_csv(os.path.join(folder, "exclusions.csv")):
        start = date(row["StartDate"])
        if start and first <= start <= last:
            strands[children.get(("Exclusions", row["ExclusionID"]))].add("Exclusions")
    return strands


def inclusion_figures(members):
    order = ["Missing", "CME", "EHE", "Exclusions"]
    figures = defaultdict(lambda: (0, "children"))
    for strands in members.values():
        label = " + ".join(s for s in order if s in strands)
        figures[(label, "Children")] = (figures[(label, "Children")][0] + 1, "children")
        size = len(strands)
        key = (f"{size} strand{'s' if size > 1 else ''}", "Children")
        figures[key] = (figures[key][0] + 1, "children")
    figures[("Total", "Children")] = (len(members), "children")
    figures[("Any strand (total)", "Children")] = (len(members), "children")
    return dict(figures)


# MARK: Comparison


def childlink_figures(folder, pattern, reasons_by_label=False, key="Ref"):
    figures = {}
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        for row in read_csv(path):
            ref = row.get(key, "")
            if reasons_by_label and ref.startswith("4."):
                ref = f"reason {row['Indicator']}"
            for column, value in row.items():
                if column in ("Ref", "Indicator", key) or column.endswith(" denominator") or column.endswith(" %"):
                    continue
                try:
                    figures[(ref, column)] = int(value)
                except (TypeError, ValueError):
                    pass
    return figures


def compare(name, recomputed, childlink):
    differences = []
    for key in sorted(recomputed):
        if key not in childlink:
            if recomputed[key][0] != 0:
                differences.append((name, key, None, recomputed[key]))
            continue
        if childlink[key] != recomputed[key][0]:
            differences.append((name, key, childlink[key], recomputed[key]))
    return differences, sum(1 for key in recomputed if key in childlink)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extracts")
    parser.add_argument("childlink_output")
    parser.add_argument("--period", required=True, help="2018/19 (financial for Missing, academic for exclusions)")
    args = parser.parse_args()
    start_year = int(args.period.split("/")[0])
    try:
        children = truth(args.extracts)
        episodes = missing_episodes(args.extracts, children)
        excluded = exclusions(args.extracts, children)
    except (OSError, KeyError) as error:
        print(f"recompute-indicators: cannot read the extracts: {error}", file=sys.stderr)
        return 2
    results = [
        compare("missing", missing_figures(episodes, dt.date(start_year + 1, 3, 31)),
                childlink_figures(args.childlink_output, "*-missing-[0-9]*.csv")
                | childlink_figures(args.childlink_output, "*-missing-A.csv")),
        compare("exclusions", exclusion_figures(excluded, dt.date(start_year + 1, 8, 31)),
                childlink_figures(args.childlink_output, "*-exclusions-0[0-9].csv", reasons_by_label=True)),
        compare("inclusion",
                inclusion_figures(strand_members(args.extracts, children, dt.date(start_year, 4, 1),
                                                 dt.date(start_year + 1, 3, 31))),
                childlink_figures(args.childlink_output, "inclusion-*-overlap-*.csv", key="Strands")),
    ]
    checked = sum(r[1] for r in results)
    differences = [d for r in results for d in r[0]]
    for name, (ref, column), theirs, (ours, kind) in differences:
        print(f"{name} {ref} {column}: childlink {theirs}, recomputed {ours} ({kind})")
    by_kind = defaultdict(int)
    for difference in differences:
        by_kind[difference[3][1]] += 1
    print(f"{checked} figures compared; {len(differences)} differ "
          f"({by_kind['events']} counts of events, {by_kind['children']} counts of children)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
