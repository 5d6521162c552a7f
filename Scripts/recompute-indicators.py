#!/usr/bin/env python3
"""Recompute scorecard indicators from the extracts, independently of ChildLink, and compare.

Usage:
    Scripts/recompute-indicators.py EXTRACTS CHILDLINK_OUTPUT --period 2018/19 [--children LINKS_CSV]

EXTRACTS is a folder written by `childlink sample --xml-share 0` (every record in the CSVs, with
truth.csv saying which record belongs to which invented child). CHILDLINK_OUTPUT is a folder holding
ChildLink's CSV output for the same period (`childlink scorecard missing|exclusions|cme|ehe --period P
EXTRACTS --format csv --no-store --out CHILDLINK_OUTPUT`, and `scorecard inclusion` with `--no-suppress
--no-pseudonymise`). Every figure recomputed here is worked out from the extracts with this file's own
reading of the definitions in docs/indicators.md, children counted by truth.csv (not by ChildLink's
linkage), and compared with ChildLink's CSV cell by cell; a scorecard whose CSV is not in the folder is
not compared. --period 2019Q1 (a quarter of the financial year) compares the Missing, exclusions and
CME scorecards only (the CME's prior-year columns are the years before that quarter's).

Recomputed: the Missing scorecard's groups 1-10 and A (every month of the financial year to the
period, and the year to date); the exclusions scorecard's groups 1-5 (the academic year's terms, the
year to date, and the two years before); the CME scorecard's every row (1a-17 and 18, each quarter, the
year to date, the prior years with data, and the denominators of its percentages); the EHE summary's
1.1-2.8 for each academic year; the Inclusion Scorecard's children in each combination of the strands
with the LAC and CSE/CCE risk splits, in one to four strands, the cross-referenced cohort (its size, and
its list counted by combination and flag) and the trend. Not recomputed: the CME's indicator 8
(removed from roll: not in the generated extracts), the Missing N group, DOT, RAG and commentary.

With --children LINKS_CSV (`childlink link EXTRACTS --no-store --out L` writes L/links.csv) children
are counted by ChildLink's own ids instead: what differs then is a difference of definition, and what
differs only by truth.csv is the linkage's.

Each difference is printed as `scorecard ref column: childlink N, recomputed M` with its kind:
`children` (a count of children: the linkage decides who is one child), or `events` (a count of
episodes, referrals or exclusions, which linkage changes only through one event keyed twice being
counted once per child). A figure one side has and the other has not counts as 0 there. The last line
is a summary; the exit code is 0 unless the files cannot be read (2). Python 3 standard library only.
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


def truth(folder, links=None):
    """Which child each record belongs to: the generator's truth.csv, or with `links` ChildLink's own
    links.csv (`childlink link`), to tell a difference of definition from one of linkage."""
    if links is not None:
        return {(row["Dataset"], row["RecordID"]): row["ChildID"] for row in read_csv(links)}
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
    """Each child's best-known gender and ethnicity, for a record that has none (the definitions: the
    record's, else the child's best-known): the value on the child's most recent record that has one,
    over all four extracts (a record is as recent as its event: an episode's start, a referral's date,
    an EHE or exclusion start). A field that says Unknown records a gender; only a blank has none."""
    dated = []
    for name, dataset, id_field, when in (("missing-episodes.csv", "Missing", "EpisodeID", "StartDateTime"),
                                          ("cme-referrals.csv", "CME", "ReferralID", "ReferralDate"),
                                          ("ehe-records.csv", "EHE", "EHEID", "StartDate"),
                                          ("exclusions.csv", "Exclusions", "ExclusionID", "StartDate")):
        for row in read_csv(os.path.join(folder, name)):
            day = date(row[when])
            moment = datetime(row[when]) or (dt.datetime(day.year, day.month, day.day) if day else None)
            if moment is not None:
                dated.append((moment, dataset, row[id_field], children.get((dataset, row[id_field])), row))
    best = {}
    for moment, _, _, child, row in sorted(dated, key=lambda x: (x[0], x[1], x[2]), reverse=True):
        gender, ethnicity = best.get(child, ("", ""))
        best[child] = (gender or gender_code(row["Gender"]), ethnicity or row["Ethnicity"].strip().upper())
    return best


def gender_code(text):
    """f, m, u (recorded, but neither: Unknown, Other …) or "" (blank)."""
    text = text.strip().lower()
    return text[:1] if text in ("f", "female", "m", "male") else "u" if text else ""


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


def exclusion_figures(records, period_end, folder=None, children=None):
    """With `folder` and `children`, 3.1 too: excluded children in another strand in the same column."""
    figures = {}
    for label, first, last in academic_columns(period_end):
        inside = [x for x in records if first <= x["start"] <= last]
        if folder is not None:
            members = strand_members(folder, children, first, last)
            excluded = {x["child"] for x in inside}
            figures[("3.1", label)] = (sum(1 for c in excluded if len(members.get(c, ())) >= 2), "children")
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


# MARK: Children Missing Education

CME_ETHNICITY = {
    "WBRI": "White British", "WIRI": "White Irish", "WOTH": "Any other White background",
    "WIRT": "Traveller of Irish heritage", "WROM": "Gypsy/Roma", "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African", "MWAS": "White and Asian", "MOTH": "Any other Mixed background",
    "AIND": "Indian", "APKN": "Pakistani", "ABAN": "Bangladeshi", "AOTH": "Any other Asian background",
    "BCRB": "Caribbean", "BAFR": "African", "BOTH": "Any other Black background", "CHNE": "Chinese",
    "OOTH": "Any other ethnic group", "REFU": "Refused", "NOBT": "Information not yet obtained",
}
NO_LOCALITY = "No Locality Registered/Outside Area"


def yes(text):
    return (text or "").strip().lower() in ("yes", "y", "true", "1")


def cme_referrals(folder, children):
    best = best_known(folder, children)
    records = []
    for row in read_csv(os.path.join(folder, "cme-referrals.csv")):
        opened = date(row["ReferralDate"])
        if opened is None:
            continue
        child = children.get(("CME", row["ReferralID"]))
        previous = row.get("PreviousEpisodes", "").strip()
        records.append({
            "id": row["ReferralID"], "child": child, "opened": opened, "closed": date(row["ClosedDate"]),
            "outcome": row["ClosureOutcome"].strip(), "family": row["FamilyID"].strip() or f"child {child}",
            "previous": int(previous) if previous.isdigit() else 0, "need": row["PresentingNeed"].strip(),
            "locality": row["Locality"].strip() or NO_LOCALITY, "phase": row["Phase"].strip() or "Unknown",
            "year_group": row["YearGroup"].strip(), "fsm": yes(row["FSMEligible"]),
            "social_care": yes(row["OpenToSocialCare"]), "early_help": yes(row["OpenToEarlyHelp"]),
            "gender": gender_code(row["Gender"]) or best.get(child, ("", ""))[0],
            "ethnicity": row["Ethnicity"].strip().upper() or best.get(child, ("", ""))[1],
            "dob": date(row["DateOfBirth"]),
        })
    return once_per_child(records, lambda r: (r["opened"],), lambda r: (r["closed"] is not None))


def national_curriculum_year(born, on):
    """Reception is 0: the child's age on the 31 August that began `on`'s academic year, less 4."""
    start = dt.date(on.year if on.month >= 9 else on.year - 1, 8, 31)
    return age(born, start) - 4


def year_group_label(record, on):
    if record["dob"] is not None:
        year = national_curriculum_year(record["dob"], on)
    else:
        text = record["year_group"].upper().replace("YEAR", "").strip()
        year = 0 if text in ("R", "REC", "RECEPTION") else int(text) if text.isdigit() else None
    if year is None:
        return "Not recorded"
    if year < 0:
        return "Below reception"
    if year == 0:
        return "Reception"
    return f"Year {year}" if year <= 11 else "Year 12 or above"


def whole_months(first, last):
    return (last.year - first.year) * 12 + last.month - first.month - (last.day < first.day)


def gender_label(code):
    return {"m": "Male", "f": "Female"}.get(code, "Other or not recorded")


def cme_columns(period_end, earliest):
    """The quarters of the financial year to the period, YTD, and the two financial years before
    (left out when the extract begins after the year's first month)."""
    start_year = period_end.year if period_end.month >= 4 else period_end.year - 1
    columns = []
    for quarter in range(4):
        first = dt.date(start_year + (quarter == 3), (4 + 3 * quarter - 1) % 12 + 1, 1)
        if first > period_end:
            break
        last = dt.date(first.year + (first.month + 3 > 12), (first.month + 2) % 12 + 1, 1) - dt.timedelta(days=1)
        columns.append((f"Q{quarter + 1} {start_year}/{(start_year + 1) % 100:02d}", first, last, True))
    columns.append(("YTD", dt.date(start_year, 4, 1), period_end, False))
    for year in (start_year - 2, start_year - 1):
        if earliest is not None and earliest <= dt.date(year, 4, 30):
            columns.append((f"{year}/{(year + 1) % 100:02d}", dt.date(year, 4, 1), dt.date(year + 1, 3, 31), True))
    return columns


def cme_figures(records, period_end):
    """{(ref, column): (count, kind)}; a percentage's denominator under (ref, column + ' denominator')."""
    figures = {}
    earliest = min((r["opened"] for r in records), default=None)

    def put(ref, label, count, denominator=None):
        kind = "events" if ref.split(":")[0] == "7" else "children"  # resolved cases are referrals
        figures[(ref, label)] = (count, kind)
        if denominator is not None:
            figures[(ref, f"{label} denominator")] = (denominator, kind)

    for label, first, last, point_in_time in cme_columns(period_end, earliest):
        new = [r for r in records if first <= r["opened"] <= last]
        by_child = {}
        for r in sorted(new, key=lambda r: (r["opened"], r["id"])):
            by_child[r["child"]] = r  # the child's latest new referral speaks for the child
        children = len(by_child)
        put("1a", label, children)
        put("1a(ii)", label, len({r["family"] for r in new}))

        def had_previous(child):
            mine = [r for r in new if r["child"] == child]
            first_new = min(r["opened"] for r in mine)
            earlier = any(r["child"] == child and r["opened"] < first_new and r["closed"] is not None
                          and r["closed"] <= first_new for r in records)
            return earlier or any(r["previous"] > 0 for r in mine)

        put("1b", label, sum(1 for c in by_child if had_previous(c)), children)
        for group, value in (("2", lambda r: gender_label(r["gender"])), ("3", lambda r: r["locality"]),
                             ("4", lambda r: r["phase"]),
                             ("5", lambda r: CME_ETHNICITY.get(r["ethnicity"], "Not recorded")),
                             ("16", lambda r: r["need"])):
            counts = defaultdict(int)
            for r in by_child.values():
                counts[value(r)] += 1
            for name, count in counts.items():
                put(f"{group}:{name}", label, count, children)
        put("17.1", label, sum(1 for c in by_child if any(r["social_care"] for r in new if r["child"] == c)), children)
        put("17.2", label, sum(1 for c in by_child if any(r["early_help"] for r in new if r["child"] == c)), children)
        closed = [r for r in records if r["closed"] is not None and first <= r["closed"] <= last]
        put("7", label, len(closed))
        outcomes = defaultdict(int)
        for r in closed:
            outcomes[r["outcome"]] += 1
        for name, count in outcomes.items():
            put(f"7:{name}", label, count, len(closed))
        if not point_in_time:
            continue
        current = {}
        for r in sorted(records, key=lambda r: (r["opened"], r["id"])):
            if r["opened"] <= last and (r["closed"] is None or r["closed"] > last):
                current[r["child"]] = r  # one case per child: the latest
        put("6", label, len(current))
        for group, value in (("9", lambda r: gender_label(r["gender"])), ("10", lambda r: r["locality"]),
                             ("11", lambda r: r["phase"]), ("14", lambda r: year_group_label(r, last)),
                             ("18", lambda r: CME_ETHNICITY.get(r["ethnicity"], "Not recorded")),
                             ("12", lambda r: months_band(whole_months(r["opened"], last)))):
            counts = defaultdict(int)
            for r in current.values():
                counts[value(r)] += 1
            for name, count in counts.items():
                put(f"{group}:{name}", label, count, len(current))
        put("13", label, sum(1 for r in current.values() if r["fsm"]), len(current))
        families = defaultdict(set)
        for child, r in current.items():
            families[r["family"]].add(child)
        sizes = defaultdict(int)
        for members in families.values():
            sizes[FAMILY_SIZES[min(len(members), 5) - 1]] += 1
        for name, count in sizes.items():
            put(f"15:{name}", label, count, len(families))
        put("15:Total number of families", label, len(families))
    return figures


CME_BY_LABEL = ("2", "3", "4", "5", "7", "9", "10", "11", "12", "14", "15", "16", "18")
FAMILY_SIZES = ["Single child", "Two siblings", "Three siblings", "Four siblings", "Five siblings and above"]


def months_band(months):
    if months <= 6:
        return "<= 6 months"
    if months <= 12:
        return "Between 7 and 12 months"
    return "Between 13 and 18 months" if months <= 18 else "Above 18 months"


# MARK: Elective Home Education

EHE_REASONS = {"1.3": ("return", "started school", "started in a school"), "1.4": ("cme", "missing education"),
               "1.5": ("moved", "transfer", "other la")}


def ehe_spells(folder, children):
    best = best_known(folder, children)
    spells = []
    for row in read_csv(os.path.join(folder, "ehe-records.csv")):
        started = date(row["StartDate"])
        if started is None:
            continue
        child = children.get(("EHE", row["EHEID"]))
        spells.append({
            "id": row["EHEID"], "child": child, "start": started, "end": date(row["EndDate"]),
            "reason": row["EndReason"].strip().lower(), "dob": date(row["DateOfBirth"]),
            "gender": gender_code(row["Gender"]) or best.get(child, ("", ""))[0], "year_group": row["YearGroup"],
        })
    return once_per_child(spells, lambda s: (s["start"],), lambda s: s["end"] is not None)


def ehe_figures(spells, cme, period_end):
    """Academic years 2014/15 to the period's, each to its 31 August (the period's to the period end)."""
    figures = {}
    last_year = period_end.year if period_end.month >= 9 else period_end.year - 1
    for year in range(last_year - 4, last_year + 1):
        label = f"{year}/{(year + 1) % 100:02d}"
        first, last = dt.date(year, 9, 1), min(dt.date(year + 1, 8, 31), period_end)
        put = lambda ref, count: figures.__setitem__((ref, label), (count, "children"))  # noqa: E731
        open_at_end = [s for s in spells if s["start"] <= last and (s["end"] is None or s["end"] > last)]
        during = [s for s in spells if s["start"] <= last and (s["end"] is None or s["end"] >= first)]
        ended = [s for s in spells if s["end"] is not None and first <= s["end"] <= last]
        current = {s["child"]: s for s in sorted(open_at_end, key=lambda s: (s["start"], s["id"]))}
        year_of = {c: (national_curriculum_year(s["dob"], last) if s["dob"] else None) for c, s in current.items()}
        put("1.1", sum(1 for c in current if year_of[c] is None or year_of[c] <= 10))
        put("1.2", len({s["child"] for s in spells if first <= s["start"] <= last}))
        for ref, words in EHE_REASONS.items():
            put(ref, sum(1 for s in ended if any(w in s["reason"] for w in words)))

        def leaver(s):
            return s["dob"] is not None and national_curriculum_year(s["dob"], last) == 11 and (
                s in open_at_end or (s in ended and "compulsory school age" in s["reason"]))

        leavers = {s["child"]: s for s in spells if leaver(s)}
        put("1.6", len(leavers))
        put("1.7", len({s["child"] for s in during}))
        put("1.8", len({s["child"] for s in during
                        if any(r["child"] == s["child"] and first <= r["opened"] <= last and r["opened"] >= s["start"]
                               for r in cme)}))
        primary = {c for c, y in year_of.items() if y is not None and 0 <= y <= 6}
        secondary = {c for c, y in year_of.items() if y is not None and 7 <= y <= 10}
        girls = {c for c, s in current.items() if s["gender"] == "f"}
        boys = {c for c, s in current.items() if s["gender"] == "m"}
        put("2.1", len(girls & primary))
        put("2.2", len(girls & secondary))
        put("2.3", len(boys & primary))
        put("2.4", len(boys & secondary))
        put("2.5", len(primary))
        put("2.6", len(secondary))
        put("2.7", sum(1 for s in leavers.values() if s["gender"] == "f"))
        put("2.8", sum(1 for s in leavers.values() if s["gender"] == "m"))
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


def last_recorded(folder, children, period_end):
    """Each true child's LAC status and CSE/CCE risk as last recorded by the period end: the social-care
    status of their latest episode (missing or absent) starting by then, and the latest CSE and CCE levels
    recorded (a blank records nothing); medium or high either way is a risk."""
    status, cse, cce = {}, {}, {}
    rows = read_csv(os.path.join(folder, "missing-episodes.csv"))
    rows = [(datetime(r["StartDateTime"]), r) for r in rows]
    for start, row in sorted((x for x in rows if x[0] is not None), key=lambda x: (x[0], x[1]["EpisodeID"])):
        if start.date() > period_end:
            continue
        child = children.get(("Missing", row["EpisodeID"]))
        if row["SocialCareStatus"].strip():
            status[child] = row["SocialCareStatus"].strip().upper()
        for levels, field in ((cse, "CSERisk"), (cce, "CCERisk")):
            if row[field].strip():
                levels[child] = row[field].strip().lower()
    lac = {c for c, s in status.items() if s in ("LAC", "LOOKED AFTER")}
    risk = {c for levels in (cse, cce) for c, level in levels.items() if level in ("medium", "high")}
    return lac, risk


def inclusion_figures(members, lac, risk):
    order = ["Missing", "CME", "EHE", "Exclusions"]
    figures = defaultdict(lambda: (0, "children"))

    def add(key):
        figures[key] = (figures[key][0] + 1, "children")

    for child, strands in members.items():
        label = " + ".join(s for s in order if s in strands)
        for row in (label, "Any strand (total)"):
            add((row, "Children"))
            add((row, "LAC" if child in lac else "Not LAC"))
            add((row, "CSE/CCE risk medium or high" if child in risk else "No such risk"))
        size = len(strands)
        add((f"{size} strand{'s' if size > 1 else ''}", "Children"))
        if size >= 2:
            add(("Children in two or more strands", "Children"))
            add((f"cohort {label}", "rows"))
            add((f"cohort {label}", "LAC" if child in lac else "not LAC"))
            add((f"cohort {label}", "risk" if child in risk else "no risk"))
    figures[("Total", "Children")] = (len(members), "children")
    return dict(figures)


def inclusion_trend(folder, children, first, last):
    """Children in 1+, 2+ and 3+ strands in each of the twelve calendar months to the period's end
    (the rolling 12-month trend of the cross-referenced cohort)."""
    figures = {}
    months = []
    year, month = last.year, last.month
    for _ in range(12):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    for year, month in reversed(months):
        m_first = dt.date(year, month, 1)
        m_last = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
        sizes = [len(s) for s in strand_members(folder, children, m_first, m_last).values()]
        column = m_first.strftime("%b-%y")
        for measure, least in (("In any strand", 1), ("In two or more strands", 2), ("In three or more strands", 3)):
            figures[(measure, column)] = (sum(1 for n in sizes if n >= least), "children")
    return figures


def cohort_list(folder):
    """ChildLink's cross-referenced cohort list, counted: rows, LAC and risk flags by combination."""
    figures = defaultdict(int)
    for path in glob.glob(os.path.join(folder, "inclusion-*-inclusion-cohort.csv")):
        for row in read_csv(path):
            label = f"cohort {row['Strands']}"
            figures[(label, "rows")] += 1
            figures[(label, "LAC" if row["LAC"] == "Yes" else "not LAC")] += 1
            figures[(label, "risk" if row["CSE/CCE risk"] == "Yes" else "no risk")] += 1
    return dict(figures)


# MARK: Comparison


def childlink_figures(folder, pattern, reasons_by_label=False, key="Ref", by_label=(), denominators=False):
    """ChildLink's CSV figures as {(ref, column): count}. A row of a group in `by_label` is keyed
    `group:indicator` (its number depends on which categories the data has); `denominators` keeps the
    `<column> denominator` cells under that name."""
    figures = {}
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        for row in read_csv(path):
            ref = row.get(key, "")
            if reasons_by_label and ref.startswith("4."):
                ref = f"reason {row['Indicator']}"
            if "." in ref and ref.split(".")[0] in by_label:
                ref = f"{ref.split('.')[0]}:{row['Indicator']}"
            for column, value in row.items():
                if column in ("Ref", "Indicator", key) or column.endswith(" %"):
                    continue
                if column.endswith(" denominator") and not denominators:
                    continue
                try:
                    figures[(ref, column)] = int(value)
                except (TypeError, ValueError):
                    pass
    return figures


def compare(name, recomputed, childlink, kind="children"):
    """Every figure either side has: one the other side leaves out counts as 0 there."""
    differences = []
    for key in sorted(set(recomputed) | set(childlink)):
        ours = recomputed.get(key, (0, kind))
        theirs = childlink.get(key)
        if key not in recomputed and key[1].endswith(" denominator") and \
                childlink.get((key[0], key[1].removesuffix(" denominator"))) == 0:
            continue  # a category none of the script's children is in: the script has no row for it
        if theirs is None:
            if ours[0] != 0:
                differences.append((name, key, None, ours))
        elif theirs != ours[0]:
            differences.append((name, key, theirs, ours))
    return differences, sum(1 for key in recomputed if key in childlink)


def period_end(text):
    """`2018/19` (the financial year; the academic year for exclusions and EHE) or `2019Q1` (the
    financial year's quarter: April-June 2019): (financial year's first day, the period's last day)."""
    if "Q" in text.upper():
        year, quarter = text.upper().split("Q")
        first = dt.date(int(year), 4, 1)
        month = 3 + 3 * int(quarter)
        last = dt.date(int(year) + (month > 12), (month - 1) % 12 + 1, 1)
        last = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last, True
    year = int(text.split("/")[0])
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31), False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extracts")
    parser.add_argument("childlink_output")
    parser.add_argument("--period", required=True,
                        help="2018/19 (financial for Missing, CME, Inclusion; academic for exclusions, EHE) or 2019Q1")
    parser.add_argument("--children", metavar="LINKS_CSV",
                        help="count children by ChildLink's links.csv instead of truth.csv (the definitions alone)")
    args = parser.parse_args()
    first, last, quarter = period_end(args.period)
    academic_end = dt.date(last.year + (last.month >= 9), 8, 31) if not quarter else last
    try:
        children = truth(args.extracts, args.children)
        episodes = missing_episodes(args.extracts, children)
        excluded = exclusions(args.extracts, children)
        referrals = cme_referrals(args.extracts, children)
        spells = ehe_spells(args.extracts, children)
    except (OSError, KeyError) as error:
        print(f"recompute-indicators: cannot read the extracts: {error}", file=sys.stderr)
        return 2
    out = args.childlink_output
    lac, risk = last_recorded(args.extracts, children, last)
    # Each scorecard is compared when its CSV is in the output folder (a quarter: Missing, exclusions, CME).
    scorecards = [
        ("missing", "*-missing-[0-9]*.csv", False, lambda: missing_figures(episodes, last),
         lambda: childlink_figures(out, "*-missing-[0-9]*.csv") | childlink_figures(out, "*-missing-A.csv")),
        ("exclusions", "*-exclusions-0[0-9].csv", False,
         lambda: exclusion_figures(excluded, academic_end, args.extracts, children),
         lambda: childlink_figures(out, "*-exclusions-0[0-9].csv", reasons_by_label=True)),
        ("cme", "cme-*-cme-[0-9]*.csv", False, lambda: cme_figures(referrals, last),
         lambda: childlink_figures(out, "cme-*-cme-[0-9]*.csv", denominators=True, by_label=CME_BY_LABEL)),
        ("ehe", "ehe-*-ehe-[0-9]*.csv", True, lambda: ehe_figures(spells, referrals, academic_end),
         lambda: childlink_figures(out, "ehe-*-ehe-[0-9]*.csv")),
        ("inclusion", "inclusion-*-overlap-*.csv", True,
         lambda: inclusion_figures(strand_members(args.extracts, children, first, last), lac, risk),
         lambda: childlink_figures(out, "inclusion-*-overlap-*.csv", key="Strands")
         | childlink_figures(out, "inclusion-*-cohort-size.csv", key="Cohort") | cohort_list(out)),
        ("inclusion trend", "inclusion-*-inclusion-trend.csv", True,
         lambda: inclusion_trend(args.extracts, children, first, last),
         lambda: childlink_figures(out, "inclusion-*-inclusion-trend.csv", key="Measure")),
    ]
    results = [compare(name, ours(), theirs()) for name, pattern, year_only, ours, theirs in scorecards
               if glob.glob(os.path.join(out, pattern)) and not (year_only and quarter)]
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
