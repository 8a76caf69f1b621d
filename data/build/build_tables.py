#!/usr/bin/env python3
"""Derives CarbonGen's intensity, cloud, equivalence and embodied tables from the public reference
data kept beside the repository (../shared/reference-data).

    python3 data/build/build_tables.py [--reference PATH] [--check]

Writes the CSV files under data/ (see data/README.md). With --check it writes nothing and exits 1 when
a committed table differs from what the sources give. Only the Python standard library is used.
"""
import argparse
import csv
import io
import json
import os
import sys

DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REFERENCE = os.path.join(DATA, "..", "..", "shared", "reference-data")
ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"

# 1 lb/MWh = 453.59237 g / 1000 kWh.
GRAMS_PER_KWH_PER_LB_PER_MWH = 0.45359237

# Lifecycle g CO2eq/kWh for sources the per-source table does not cover (IPCC AR5 WG III, Annex III,
# Table A.III.2, medians): dedicated biomass and ocean (tidal) energy.
BIOMASS_G_PER_KWH = 230.0
TIDAL_G_PER_KWH = 17.0

CANADA_PROVINCES = {
    "alberta": "AB", "british columbia": "BC", "manitoba": "MB", "new brunswick": "NB",
    "newfoundland and labrador": "NL", "northwest territories": "NT", "nova scotia": "NS",
    "nunavut": "NU", "ontario": "ON", "prince edward island": "PE", "quebec": "QC",
    "saskatchewan": "SK", "yukon": "YT",
}

NORDIC_COUNTRY = {"SE": "SWE", "NO": "NOR", "FI": "FIN"}

# Country of the GCP regions that the CCF table does not locate (Google's own location column).
GCP_EXTRA_COUNTRY = {
    "Johannesburg": "South Africa", "Stockholm": "Sweden", "Berlin": "Germany", "Turin": "Italy",
    "Doha": "Qatar", "Dammam": "Saudi Arabia", "Tel Aviv": "Israel", "Mexico": "Mexico",
    "Georgia": "United States",
}

# Country names that the cloud tables spell differently from the country table.
COUNTRY_ALIASES = {"Hong Kong": "HKG", "South Korea": "KOR", "Taiwan": "TWN", "United Kingdom": "GBR",
                   "United States": "USA", "Netherlands": "NLD", "Switzerland": "CHE", "Belgium": "BEL"}


def number(value):
    """Shortest text of a number: 475.0 -> 475, 0.1 + 0.2 keeps its digits rounded to 6 places."""
    value = round(float(value), 6)
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def table(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def load_json(reference, *parts):
    with open(os.path.join(reference, *parts), encoding="utf-8") as f:
        return json.load(f)


def load_csv(reference, *parts):
    with open(os.path.join(reference, *parts), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def energy_sources(reference):
    raw = load_json(reference, "codecarbon", "codecarbon", "data", "private_infra", "carbon_intensity_per_source.json")
    names = ["coal", "petroleum", "natural_gas", "fossil", "geothermal", "hydroelectricity", "nuclear", "solar", "wind", "world_average"]
    rows = [[n, number(raw[n]), raw[n + "_source"]] for n in names]
    rows.append(["biomass", number(BIOMASS_G_PER_KWH), "IPCC AR5 WG III Annex III Table A.III.2 (2014), median, biomass dedicated"])
    rows.append(["tidal", number(TIDAL_G_PER_KWH), "IPCC AR5 WG III Annex III Table A.III.2 (2014), median, ocean"])
    return {r[0]: float(r[1]) for r in rows}, table(["source", "g_per_kwh", "reference"], rows)


def countries(reference, per_source):
    with open(ISO_3166, encoding="utf-8") as f:
        iso = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}
    mix = load_json(reference, "codecarbon", "codecarbon", "data", "private_infra", "global_energy_mix.json")
    rows = []
    for alpha3 in sorted(mix):
        c = mix[alpha3]
        entry = iso[alpha3]
        intensity = float(c["carbon_intensity"])
        basis = "owid"
        if intensity <= 0 and c["total_TWh"] > 0:
            # OWID gives no figure (CAF: 0.0); weigh the generation mix by the per-source intensities.
            parts = [
                (c["coal_TWh"], per_source["coal"]), (c["gas_TWh"], per_source["natural_gas"]),
                (c["oil_TWh"], per_source["petroleum"]), (c["nuclear_TWh"], per_source["nuclear"]),
                (c["hydroelectricity_TWh"], per_source["hydroelectricity"]), (c["wind_TWh"], per_source["wind"]),
                (c["solar_TWh"], per_source["solar"]), (c["biofuel_TWh"], per_source["biomass"]),
                (c["other_renewable_exc_biofuel_TWh"], per_source["geothermal"]),
            ]
            intensity = sum(t * g for t, g in parts) / c["total_TWh"]
            basis = "mix"
        iso_name = entry.get("common_name", entry["name"])
        rows.append([
            alpha3, entry["alpha_2"], c["country_name"], iso_name if iso_name != c["country_name"] else "",
            c["year"], number(intensity), basis,
            number(c["coal_TWh"]), number(c["gas_TWh"]), number(c["oil_TWh"]), number(c["nuclear_TWh"]),
            number(c["hydroelectricity_TWh"]), number(c["wind_TWh"]), number(c["solar_TWh"]),
            number(c["biofuel_TWh"]), number(c["other_renewable_exc_biofuel_TWh"]), number(c["total_TWh"]),
        ])
    header = ["alpha3", "alpha2", "name", "iso_name", "year", "g_per_kwh", "basis", "coal_twh", "gas_twh", "oil_twh",
              "nuclear_twh", "hydro_twh", "wind_twh", "solar_twh", "bioenergy_twh", "other_renewable_twh", "total_twh"]
    return rows, table(header, rows)


def subnational(reference, per_source):
    rows = []
    usa = load_json(reference, "codecarbon", "codecarbon", "data", "private_infra", "2016", "usa_emissions.json")
    for name, v in sorted(usa.items()):
        if name in ("_unit", "usa"):
            continue
        rows.append(["USA", v["regionCode"], name.title().replace(" Of ", " of "), number(v["emissions"] * GRAMS_PER_KWH_PER_LB_PER_MWH), 2016, "egrid-state"])
    canada = load_json(reference, "codecarbon", "codecarbon", "data", "private_infra", "2023", "canada_energy_mix.json")
    weights = {"coal": per_source["coal"], "petroleum": per_source["petroleum"], "naturalGas": per_source["natural_gas"],
               "nuclear": per_source["nuclear"], "hydro": per_source["hydroelectricity"], "wind": per_source["wind"],
               "solar": per_source["solar"], "biomass": per_source["biomass"], "tidal": per_source["tidal"]}
    for name, shares in sorted(canada.items()):
        other = float(shares.get("other", 0))
        if other > 0:
            raise SystemExit(f"{name}: 'other' share {other} has no per-source intensity")
        total = sum(float(shares[k]) for k in weights)
        grams = sum(float(shares[k]) * g for k, g in weights.items()) / total
        rows.append(["CAN", CANADA_PROVINCES[name], name.title().replace(" And ", " and "), number(grams), 2023, "mix"])
    nordic = load_json(reference, "codecarbon", "codecarbon", "data", "private_infra", "nordic_emissions.json")["data"]
    for code, v in sorted(nordic.items()):
        rows.append([NORDIC_COUNTRY[code[:2]], code, v["description"], number(v["emission_factor"]), v["year"], "entso-e"])
    return rows, table(["country_alpha3", "code", "name", "g_per_kwh", "year", "basis"], rows)


def quoted_after(text, marker):
    start = text.find(marker)
    if start < 0:
        return ""
    start += len(marker)
    return text[start:text.index("'", start)].rstrip("*").strip()


# Regions opened after Cloud Carbon Footprint's tables were made: their country's grid average stands in
# (source "country"), so that they resolve to their country rather than to the world average. The
# location of each region is the provider's published one.
REGIONS_WITHOUT_FACTORS = [
    ("aws", "ap-south-2", "Asia Pacific (Hyderabad)", "IND"),
    ("aws", "ap-southeast-4", "Asia Pacific (Melbourne)", "AUS"),
    ("aws", "ap-southeast-5", "Asia Pacific (Malaysia)", "MYS"),
    ("aws", "ca-west-1", "Canada West (Calgary)", "CAN"),
    ("aws", "eu-central-2", "Europe (Zurich)", "CHE"),
    ("aws", "eu-south-2", "Europe (Spain)", "ESP"),
    ("aws", "il-central-1", "Israel (Tel Aviv)", "ISR"),
    ("aws", "mx-central-1", "Mexico (Central)", "MEX"),
    ("azure", "israelcentral", "Israel Central", "ISR"),
    ("azure", "italynorth", "Italy North", "ITA"),
    ("azure", "mexicocentral", "Mexico Central", "MEX"),
    ("azure", "polandcentral", "Poland Central", "POL"),
    ("azure", "qatarcentral", "Qatar Central", "QAT"),
    ("azure", "spaincentral", "Spain Central", "ESP"),
]


def cloud_regions(reference, country_rows):
    by_name = {r[2]: r[0] for r in country_rows}
    by_name.update({r[3]: r[0] for r in country_rows if r[3]})
    by_name.update(COUNTRY_ALIASES)

    def country_of(location):
        country = location.split(" / ")[0].strip()
        if not country:
            return ""
        if country not in by_name:
            raise SystemExit(f"cloud location '{location}': country not in the country table")
        return by_name[country]

    rows = []
    ccf = load_csv(reference, "cloud-carbon-footprint", "cloud_region_intensity.csv")
    for r in ccf:
        if r["region"] == "Unknown" or r["provider"] == "gcp":
            continue
        if r["provider"] == "aws":
            display = quoted_after(r["location_source"], "AWSRegions.ts name '")
            source, year = "ccf-egrid2020" if r["region"].startswith("us-") else "ccf-carbonfootprint", 2020
        else:
            display = quoted_after(r["location_source"], "(Azure) '")
            source, year = "ccf", 2021
            if "eGRID" in r["source_note"] or "NERC" in r["source_note"]:
                source, year = "ccf-egrid2020", 2020
            elif "EEA" in r["source_note"]:
                source = "ccf-eea"
            else:
                source = "ccf-carbonfootprint"
        if r["provider"] == "aws" and "EEA" in r["location_source"] + r["source_note"]:
            source = "ccf-eea"
        # The data year follows what CCF built the factor from, whatever the provider.
        year = {"ccf-egrid2020": 2020, "ccf-eea": 2020, "ccf-carbonfootprint": 2021}[source]
        rows.append([r["provider"], r["region"], display, country_of(r["location"]), r["location"], number(r["grid_gco2e_per_kwh"]), year, source])

    ccf_gcp = {r["region"]: r for r in ccf if r["provider"] == "gcp"}
    for g in load_csv(reference, "cloud-carbon-footprint", "gcp_ccf_vs_codecarbon_vs_google.csv"):
        year = next((y for y in ("2024", "2023", "2022", "2021") if g["google_" + y]), None)
        if year is None:
            continue
        if g["region"] in ccf_gcp:
            location = ccf_gcp[g["region"]]["location"]
        else:
            location = GCP_EXTRA_COUNTRY[g["google_location_latest"]] + " / " + g["google_location_latest"]
        rows.append(["gcp", g["region"], g["google_location_latest"], country_of(location), location, number(g["google_" + year]), int(year), "google"])
    known = {(r[0], r[1].lower()) for r in rows}
    countries = {r[0]: r for r in country_rows}
    for provider, region, display, alpha3 in REGIONS_WITHOUT_FACTORS:
        if (provider, region) not in known:
            country = countries[alpha3]
            rows.append([provider, region, display, alpha3, country[2], country[5], country[4], "country"])
    rows.sort(key=lambda r: (r[0], r[1].lower()))
    return rows, table(["provider", "region", "display_name", "country_alpha3", "location", "g_per_kwh", "year", "source"], rows)


def pue(reference):
    rows = [[r["provider"], r["region"], number(r["pue"])] for r in load_csv(reference, "cloud-carbon-footprint", "cloud_provider_pue.csv")]
    return table(["provider", "region", "pue"], rows)


def equivalents(reference):
    keep = ["epa_co2_per_gallon_gasoline", "epa_typical_passenger_vehicle_per_year", "eea_avg_new_passenger_car_2022",
            "epa_equiv_miles_driven_avg_gasoline_passenger_vehicle", "epa_equiv_km_driven_avg_gasoline_passenger_vehicle_derived",
            "epa_equiv_smartphone_charged", "epa_equiv_home_electricity_use_one_year", "epa_equiv_tree_seedling_grown_10_years",
            "tv_23in_energy_efficient_led_lcd_on_mode_power_high", "codecarbon_car_mile", "codecarbon_tv_hour", "codecarbon_household_week"]
    rows = {r["name"]: r for r in load_csv(reference, "equivalents", "equivalents.csv")}
    out = []
    for name in keep:
        r = rows[name]
        status = "confirmed" if r["note"].startswith("confirmed") else "unverified"
        out.append([name, number(r["value"]), r["unit"], r["year"], status, r["source_title"]])
    return table(["name", "value", "unit", "year", "status", "source"], out)


def embodied(reference):
    keep = ["ccf_base_rack_server_manufacturing", "ccf_server_expected_lifespan_hours", "boavizta_server_manufacturing_median_derived",
            "sci_spec_example_total_embodied", "sci_spec_example_time_share_embodied"]
    rows = {r["name"]: r for r in load_csv(reference, "embodied", "embodied.csv")}
    out = [[n, number(rows[n]["value"]), rows[n]["unit"], rows[n]["source"].split(",")[0]] for n in keep]
    return table(["name", "value", "unit", "source"], out)


def build(reference):
    per_source, sources_csv = energy_sources(reference)
    country_rows, countries_csv = countries(reference, per_source)
    _, subnational_csv = subnational(reference, per_source)
    _, cloud_csv = cloud_regions(reference, country_rows)
    return {
        "intensity/energy_sources.csv": sources_csv,
        "intensity/countries.csv": countries_csv,
        "intensity/subnational.csv": subnational_csv,
        "cloud/regions.csv": cloud_csv,
        "cloud/pue.csv": pue(reference),
        "reports/equivalents.csv": equivalents(reference),
        "sci/embodied_defaults.csv": embodied(reference),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for relative, text in build(os.path.abspath(args.reference)).items():
        path = os.path.join(DATA, relative)
        if args.check:
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if current != text:
                stale.append(relative)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(f"wrote data/{relative}: {text.count(chr(10)) - 1} rows")
    if stale:
        print("out of date (run data/build/build_tables.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
