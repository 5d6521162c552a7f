#!/usr/bin/env python3
"""Why true pairs were missed (standard library only, independent of ChildLink's own evaluation):

    childlink link EXTRACTS --truth TRUTH.csv --out OUT --review-threshold 0.0000001
    Scripts/missed-pairs.py TRUTH.csv EXTRACTS OUT [N]

For every split (one true child's records in two predicted clusters) takes the best-scoring pair
between the two clusters from OUT/pairs.csv and counts the splits and missed pairs by its decision:
review band (0.5 up to the link threshold), below 0.5, kept apart by a guard, or no candidate pair
at all; then the splits scored but not linked by their best pair's levels (the 15 commonest). With N,
prints N random splits of each kind with both records' person fields (personal
data: for the analyst's own terminal, never for a report). Reads the four reference CSV extracts.
"""
import collections, csv, sys, os, random
truth_path, extracts, out = sys.argv[1:4]
sample = int(sys.argv[4]) if len(sys.argv) > 4 else 0
def rows(p):
    with open(p, newline='', encoding='utf-8') as h: return list(csv.DictReader(h))
truth = {(r['Dataset'], r['RecordID']): r['TrueChildID'] for r in rows(truth_path)}
links = {(r['Dataset'], r['RecordID']): r['ChildID'] for r in rows(os.path.join(out, 'links.csv'))}
idcol = {'cme-referrals.csv': 'ReferralID', 'ehe-records.csv': 'EHEID', 'exclusions.csv': 'ExclusionID',
         'missing-episodes.csv': 'EpisodeID'}
recs = {}
dsnames = set(k[0] for k in truth)
for f, col in idcol.items():
    if not os.path.exists(os.path.join(extracts, f)): continue
    for r in rows(os.path.join(extracts, f)):
        for d in dsnames:
            if (d, r[col]) in truth: recs[(d, r[col])] = r
best = {}
for r in rows(os.path.join(out, 'pairs.csv')):
    a = (r['Dataset1'], r['RecordID1']); b = (r['Dataset2'], r['RecordID2'])
    if truth.get(a) is None or truth.get(a) != truth.get(b): continue
    ca, cb = links[a], links[b]
    if ca == cb: continue
    key = (truth[a],) + tuple(sorted((ca, cb)))
    p = float(r['MatchProbability'])
    if key not in best or p > best[key][0]: best[key] = (p, r, a, b)
byc = collections.defaultdict(lambda: collections.defaultdict(list))
for k, c in links.items():
    if k in truth: byc[truth[k]][c].append(k)
kinds = collections.Counter(); missed = collections.Counter(); examples = collections.defaultdict(list)
for child, cl in byc.items():
    cs = sorted(cl)
    for x in range(len(cs)):
        for y in range(x + 1, len(cs)):
            n = len(cl[cs[x]]) * len(cl[cs[y]])
            key = (child, cs[x], cs[y])
            if key in best:
                p, r, a, b = best[key]
                d = r['Decision'] if r['Decision'] != 'review' else ('review' if p >= 0.5 else 'below')
                kind = d
            else:
                kind = 'no pair'; r = None; a = cl[cs[x]][0]; b = cl[cs[y]][0]
            kinds[kind] += 1; missed[kind] += n
            examples[kind].append((r, a, b))
for k in kinds: print(f'{k:32s} splits {kinds[k]:6d} missed pairs {missed[k]:7d}')
# The splits scored but not linked (review band and below 0.5), by their best pair's levels.
levels = collections.Counter()
for kind in ('review', 'below'):
    for r, a, b in examples[kind]:
        levels[(kind,) + tuple(r[c] for c in ('Forename', 'Surname', 'DateOfBirth', 'Address', 'UPN', 'NHSNumber'))] += 1
print('best pair of the review and below-0.5 splits (decision, forename, surname, birth date, address, UPN, NHS):')
for combination, count in levels.most_common(15): print(f'{count:6d}  ' + ' / '.join(combination))
def show(k):
    f = lambda r: '|'.join([r['Forename'], r['MiddleNames'], r['Surname'], r['DateOfBirth'], r['Gender'], r['Postcode'], r['PersonID'], r['UPN'], r['NHSNumber']])
    return f(recs[k]) if k in recs else '?'
if sample:
    random.seed(1)
    for kind, ex in examples.items():
        print('==', kind)
        for r, a, b in random.sample(ex, min(sample, len(ex))):
            lv = '' if r is None else ' '.join(f"{c}={r[c]}" for c in ['Forename','Surname','DateOfBirth','Address','Gender','UPN','NHSNumber','PersonID']) + f" p={r['MatchProbability']}"
            print(' ', a[0], show(a)); print(' ', b[0], show(b)); print('    ', lv)
