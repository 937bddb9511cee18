#!/usr/bin/env python3
"""Regenerates src/ConnectingCommunities.Data/Seed/programme.json.

Facts (lots, groups, lead organisation types, values, constituent status, local
authorities, the two documented tariffs, headline totals) come from the evaluation
in shared/seeds. Everything the documents do not give (provider names, most tariffs,
quarterly targets, populations, postcodes) is a plausible demo value, generated
deterministically here and marked "demo" in the file so that the UI can say so.
"""
import json, random, math, pathlib

random.seed(20180601)

groups = [
    {"key": "town-fe", "name": "Town community with further education (FE) provider",
     "description": "Small-medium lot size, town-community outside metropolitan travel to work area (TTWA), utilise learning infrastructure, below profile on job outcomes."},
    {"key": "east-birmingham", "name": "East Birmingham and Solihull urban partnership",
     "description": "Large-medium lot sizes in urban TTWA, established employment support capabilities and wider infrastructure, joint working across the group. Proximity to large scale investment projects. On profile with job outcomes."},
    {"key": "urban-medium", "name": "Medium sized lot in urban TTWA",
     "description": "Medium sized lot in urban TTWA, established employment support capabilities. Not part of wider partnership."},
    {"key": "town-small", "name": "Town location, small lots",
     "description": "Town location, small lots, developing capability and capacity in employment support."},
]

lots = [
    # code, name, local authority, group, lead org type, value, constituent, districts, working-age population (demo)
    ("BL", "Birchills Leamore", "Walsall", "town-fe", "FE College (new)", "463000.00", True, ["WS2", "WS3"], 11800),
    ("BB", "Batchley and Brockhill", "Redditch", "town-fe", "FE College (new)", "173000.00", False, ["B97"], 6100),
    ("CN", "Cannock North", "Cannock Chase", "town-fe", "FE College", "211200.00", True, ["WS11", "WS12"], 7400),
    ("WH", "Washwood Heath", "Birmingham", "east-birmingham", "National welfare to work provider", "1053000.00", True, ["B8"], 24600),
    ("SE", "Shard End", "Birmingham", "east-birmingham", "National employment and skills provider", "824700.00", True, ["B34", "B33"], 19300),
    ("CW", "Chelmsley Wood", "Solihull", "east-birmingham", "Local employment provider (new)", "379000.00", True, ["B37"], 10200),
    ("BW", "Binley and Willenhall", "Coventry", "urban-medium", "National welfare to work provider", "497000.00", True, ["CV3", "CV2"], 12900),
    ("CH", "Camp Hill", "Nuneaton and Bedworth", "town-small", "National training provider", "210000.00", True, ["CV10"], 6900),
    ("GL", "Glascote", "Tamworth", "town-small", "Employment support organisation (CIC)", "188900.00", False, ["B77"], 6400),
]

providers = [
    ("meridian", "Meridian Employment Ltd", "National welfare to work provider"),
    ("oakline", "Oakline Employability Ltd", "Employment support organisation"),
    ("coleshill-road", "Coleshill Road Enterprises", "Local employment provider"),
    ("brightwater", "Brightwater College", "FE College"),
    ("northfield-vale", "Northfield Vale College", "FE College"),
    ("chase-valley", "Chase Valley College", "FE College"),
    ("pathway", "Pathway Employment Services Ltd", "National welfare to work provider"),
    ("skillbridge", "Skillbridge National", "National employment and skills provider"),
    ("eastside", "Eastside Local Employment Trust", "Local employment provider"),
    ("horizon", "Horizon Work Programmes Ltd", "National welfare to work provider"),
    ("forward", "Forward Training Group", "National training provider"),
    ("glascote-cic", "Glascote Opportunities CIC", "Employment support organisation (CIC)"),
]

START, END, HANDOVER_END, HANDOVER_START = "2018-06-01", "2021-12-31", "2019-07-31", "2019-08-01"
contracts = []
def contract(ref, lot, provider, start, end, note=None):
    contracts.append({"reference": ref, "lot": lot, "provider": provider, "start": start, "end": end,
                      "notes": note, "variations": []})

contract("CC-BL-01", "BL", "meridian", START, HANDOVER_END, "Provider withdrew in summer 2019.")
contract("CC-BL-02", "BL", "brightwater", HANDOVER_START, END, "Took over the lot and its caseload in August 2019.")
contract("CC-BB-01", "BB", "oakline", START, HANDOVER_END, "Provider withdrew in summer 2019.")
contract("CC-BB-02", "BB", "northfield-vale", HANDOVER_START, END, "Took over the lot and its caseload in August 2019.")
contract("CC-CN-01", "CN", "chase-valley", START, END)
contract("CC-WH-01", "WH", "pathway", START, END)
contract("CC-SE-01", "SE", "skillbridge", START, END)
contract("CC-CW-01", "CW", "coleshill-road", START, HANDOVER_END, "Provider withdrew in summer 2019.")
contract("CC-CW-02", "CW", "eastside", HANDOVER_START, END, "Took over the lot and its caseload in August 2019.")
contract("CC-BW-01", "BW", "horizon", START, END)
contract("CC-CH-01", "CH", "forward", START, END)
contract("CC-GL-01", "GL", "glascote-cic", START, END)
for c in contracts:
    if c["start"] <= "2020-04-01" <= c["end"]:
        c["variations"].append({
            "effectiveFrom": "2020-04-01",
            "title": "Covid-19 adjustment",
            "description": "Targets for job outcomes, sustainment and progression reduced from April 2020; engagement paid at a higher rate to fund remote support during lockdown.",
            "demo": True})

cohorts = ["hardestToHelp", "harderToReach", "rapidProgression", "employed"]
milestones = ["engaged", "jobOutcome", "sustained13Weeks", "sustained26Weeks", "sustained52Weeks", "progression"]
# Documented: job outcome £889 Hardest to Help, £400 Rapid Progression. The rest are demo values.
base = {
    "engaged":          {"hardestToHelp": 360, "harderToReach": 320, "rapidProgression": 280, "employed": 280},
    "jobOutcome":       {"hardestToHelp": 889, "harderToReach": 650, "rapidProgression": 400},
    "sustained13Weeks": {"hardestToHelp": 600, "harderToReach": 480, "rapidProgression": 340},
    "sustained26Weeks": {"hardestToHelp": 600, "harderToReach": 480, "rapidProgression": 340},
    "sustained52Weeks": {"hardestToHelp": 800, "harderToReach": 640, "rapidProgression": 460},
    "progression":      {"hardestToHelp": 750, "harderToReach": 750, "rapidProgression": 750, "employed": 1000},
}
tariffs = []
for m, per in base.items():
    for c, amount in per.items():
        documented = (m == "jobOutcome" and c in ("hardestToHelp", "rapidProgression"))
        tariffs.append({"milestone": m, "cohort": c, "effectiveFrom": START, "amount": f"{amount:.2f}", "demo": not documented})
for c, amount in {"hardestToHelp": 420, "harderToReach": 370, "rapidProgression": 320, "employed": 320}.items():
    tariffs.append({"milestone": "engaged", "cohort": c, "effectiveFrom": "2020-04-01", "amount": f"{amount:.2f}", "demo": True,
                    "reason": "Covid-19 adjustment"})

# Final (varied) programme targets; the documents' actuals are 3,250 engaged (82%),
# job starts 106% and 458 progressions (46%).
final_totals = {"engaged": 3963, "jobOutcome": 1330, "sustained13Weeks": 940, "sustained26Weeks": 720,
                "sustained52Weeks": 480, "progression": 996}
covid_cut = {"engaged": 0.10, "jobOutcome": 0.20, "sustained13Weeks": 0.20, "sustained26Weeks": 0.20,
             "sustained52Weeks": 0.20, "progression": 0.15}
lag_quarters = {"engaged": 0, "jobOutcome": 1, "sustained13Weeks": 2, "sustained26Weeks": 3, "sustained52Weeks": 5, "progression": 2}

quarters = []
y, q = 2018, 2
while (y, q) <= (2021, 4):
    quarters.append((y, q)); q += 1
    if q == 5: y, q = y + 1, 1
COVID_Q = quarters.index((2020, 2))

total_value = sum(float(l[5]) for l in lots)
def shape(m):
    w = []
    for i, _ in enumerate(quarters):
        k = i - lag_quarters[m]
        w.append(0.0 if k < 0 else min(1.0, 0.35 + 0.22 * k))
    return w

def split(total, weights):
    raw = [total * x / sum(weights) for x in weights]
    out = [math.floor(r) for r in raw]
    rest = total - sum(out)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[:rest]: out[i] += 1
    return out

targets = []
for m, total in final_totals.items():
    per_lot = split(total, [float(l[5]) for l in lots])
    for l, lot_total in zip(lots, per_lot):
        w = shape(m)
        # After the variation the later quarters carry less: the final profile is the varied one.
        final_q = split(lot_total, [x * (1 - covid_cut[m] if i >= COVID_Q else 1) for i, x in enumerate(w)])
        original_q = [round(v / (1 - covid_cut[m])) if i >= COVID_Q else v for i, v in enumerate(final_q)]
        targets.append({"lot": l[0], "milestone": m, "effectiveFrom": START, "demo": True,
                        "quarters": {f"{yy}-Q{qq}": v for (yy, qq), v in zip(quarters, original_q)}})
        targets.append({"lot": l[0], "milestone": m, "effectiveFrom": "2020-04-01", "demo": True,
                        "reason": "Covid-19 adjustment",
                        "quarters": {f"{yy}-Q{qq}": v for i, ((yy, qq), v) in enumerate(zip(quarters, final_q)) if i >= COVID_Q}})

inward_letters = "ABDEFGHJLNPQRSTUWXYZ"
def postcodes(districts, n):
    seen = set()
    while len(seen) < n:
        d = random.choice(districts)
        seen.add(f"{d} {random.randint(1, 9)}{random.choice(inward_letters)}{random.choice(inward_letters)}")
    return sorted(seen)

doc = {
    "version": 1,
    "notes": "Facts from the Connecting Communities final evaluation (Table 1-1 and text). Items marked demo are plausible values the documents do not give. Regenerate with tools/generate-programme-seed.py.",
    "programme": {"name": "Connecting Communities", "commissioner": "West Midlands Combined Authority",
                  "funder": "Department for Work and Pensions", "start": START, "end": END,
                  "engagementThreshold": 3, "progressionDefinition": "strict", "sustainmentGapDays": 28},
    "groups": groups,
    "lots": [{"code": l[0], "name": l[1], "localAuthority": l[2], "group": l[3], "leadOrganisationType": l[4],
              "value": l[5], "constituentMember": l[6], "postcodeDistricts": l[7],
              "workingAgePopulation": l[8], "workingAgePopulationDemo": True,
              "postcodes": postcodes(l[7], 160)} for l in lots],
    "providers": [{"key": k, "name": n, "organisationType": t, "demo": True} for k, n, t in providers],
    "contracts": contracts,
    "tariffs": tariffs,
    "targets": targets,
}
out = pathlib.Path(__file__).resolve().parent.parent / "src/ConnectingCommunities.Data/Seed/programme.json"
out.write_text(json.dumps(doc, indent=1) + "\n")

# Maximum payable if every final target were met at the cohort mix of the documents.
mix = {"hardestToHelp": .36, "harderToReach": .14, "rapidProgression": .35, "employed": .16}
oow = {c: v / .84 for c, v in mix.items() if c != "employed"}
def avg(m, start):
    rates = {t["cohort"]: float(t["amount"]) for t in tariffs if t["milestone"] == m and t["effectiveFrom"] == start}
    w = mix if m in ("engaged", "progression") else oow
    return sum(rates.get(c, 0) * w.get(c, 0) for c in w) / sum(w[c] for c in w if c in rates)
payable = sum(final_totals[m] * avg(m, START) for m in final_totals)
print(f"written {out}; maximum payable at targets about £{payable:,.0f} against £{total_value:,.0f}")
