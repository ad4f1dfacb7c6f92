"""CASE 2021 labels outside ACLED scope (disasters, organised crime, claims of responsibility,
diplomacy) for a short report."""

from __future__ import annotations

import re

from eventdesk.code.acled_rules import sentences
from eventdesk.code.lexicon import Hit

_DISASTER: dict[str, re.Pattern[str]] = {
    "NATURAL_DISASTER": re.compile(
        r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash floods?|cyclones?|hurricanes?|"
        r"typhoons?|tornado(?:es)?|landslides?|mudslides?|tsunamis?|droughts?|volcan\w*|eruptions?|erupted|"
        r"storms?|heavy rains?|torrential rains?|monsoon|avalanches?|wildfires?|forest fires?|bush ?fires?|"
        r"heat ?waves?|blizzards?|lightning|magnitude)\b",
        re.I,
    ),
    "MAN_MADE_DISASTER": re.compile(
        r"\b(?:fire broke out|blaze|caught fire|catch(?:es|ing)? fire|gas leak\w*|gas explosion|gas cylinder|chemical spill|oil spill|"
        r"leak(?:ed|s|age)?|collaps\w+|derail\w*|plane crash|crash(?:ed|es)?|capsiz\w+|sank|sinking|ran aground|"
        r"stampede|boiler|accident\w*|short circuit|short-circuit|dam burst|tanker explo\w+|"
        r"inferno|firefighters?|fire ?fighters|fire engines?|spill\w*|toxic fumes|emergency landing)\b",
        re.I,
    ),
    "ORG_CRIME": re.compile(
        r"\b(?:drugs?|cartels?|gangs?|gangsters?|mafia|smuggl\w+|traffick\w+|narco\w*|robber\w*|robbed|heist|"
        r"extortion|fraud\w*|money laundering|counterfeit\w*|poach\w+|cocaine|heroin|methamphetamine|meth|"
        r"marijuana|cannabis|contraband|kidnap-for-ransom|ransom|criminals?|crime syndicate|organi[sz]ed crime|"
        r"bandits?|armed robbery|murder\w*|homicides?|thie(?:f|ves)|stolen|burglar\w*)\b",
        re.I,
    ),
    "ATTRIB": re.compile(
        r"\b(?:claim\w* (?:of )?responsibility|responsibility for|took responsibility|taken responsibility|"
        r"claimed credit|claims? credit|owned up|blamed \w+(?: \w+)? for the (?:attack|bombing|blast)|"
        r"behind the (?:attack|bombing|blast|killing)|attributed (?:the \w+ )?to|denied (?:any )?involvement|"
        r"denied responsibility|suspected (?:of being |to (?:be|have been) )?behind|"
        r"claimed (?:the )?(?:murder|killing|assassination|bombing|attack|kidnapping|abduction)|"
        r"(?:reject\w*|den(?:y|ies|ied)) (?:the |any )?(?:accusations?|allegations?|charges?|claims?|reports?) (?:of|that)|blam\w* [^.]{0,60}? for|(?:was |were |is |are )?responsible for|"
        r"(?:takes?|took|taking|claim\w*) credit|accus\w+ [^.]{0,40}? of (?:bombing|attacking|carrying out|launching|"
        r"being behind|orchestrating|masterminding))\b",
        re.I,
    ),
}


# An explosion or fire at an industrial site, or a traffic/shipping accident, with no attacker named:
# a man-made disaster (CASE 2021), not a bombing.
_INDUSTRIAL = re.compile(
    r"\b(?:chemical (?:plant|factory|warehouse)|industrial (?:area|site|plant|zone|park|accident|waste)|warehouses?|"
    r"ammonium nitrate|storage (?:bunker|tank|facility|depot)|(?:factory|plant|refinery|mine|pipeline) (?:explosion|blast|fire)|"
    r"(?:factory|plant|refinery|tank|boiler|pipeline|reactor) explod\w+|solvents?|fireballs?|combustible|"
    r"collision|lost control|struck by a (?:bulk carrier|ship|vessel|train|truck)|power plant)\b",
    re.I,
)


_ATTACKER = re.compile(
    r"\b(?:bomb(?:er|ers|ing|ings)?|attack\w*|militants?|terror\w*|suicide|ied|gunmen|insurgents?|"
    r"rebels?|jihadi\w*|claimed responsibility|rocket|missile|drone|air ?strike)\b",
    re.I,
)


# Violence words that a disaster report also uses ("killed 10 people"): they do not rule a disaster out.
_GENERIC_HARM = frozenset({"1823", "190"})


_DIPLO_TYPES = frozenset(
    {
        "CONSULT",
        "SUPPORT",
        "ACCUSE",
        "SANCTION",
        "REJECT",
        "THREATEN",
        "REQUEST",
        "AGREE",
        "CONCEDE",
        "COOPERATE",
        "AID",
    }
)


def _case_label(
    text: str, hits: list[Hit], types: dict[str, tuple[float, Hit]], etype: str, in_scope: bool, top_sub: str
) -> str | None:
    """CASE 2021 out-of-ACLED-scope label, when the report is about one of those instead."""
    strong = [
        h
        for h in hits
        if h.event_type in ("ASSAULT", "PROTEST") and h.cameo not in _GENERIC_HARM and h.weight >= 0.8
    ]
    first = sentences(text)[0]
    m = _DISASTER["ATTRIB"].search(text)
    if m:
        before = [
            h
            for h in strong
            if h.start < m.start()
            and h.event_type == "ASSAULT"
            and first[0] <= h.start < first[1]
            and h.weight >= 0.85
        ]
        if not before or m.start() < first[1]:
            return "ATTRIB"
    nat = list(_DISASTER["NATURAL_DISASTER"].finditer(text))
    man = list(_DISASTER["MAN_MADE_DISASTER"].finditer(text))
    if (
        _INDUSTRIAL.search(text)
        and not _ATTACKER.search(text)
        and (man or any(h.mode == "explosives" for h in hits))
    ):
        return "MAN_MADE_DISASTER"
    explosive = [
        h
        for h in strong
        if h.mode in ("explosives", "aerial", "heavy-weapons", "firearms", "suicide-attack")
        and not any(d.start() <= h.start < d.end() + 12 for d in man)
    ]
    violent = [
        h
        for h in strong
        if h.event_type == "ASSAULT"
        and h not in explosive
        and not any(abs(h.start - d.start()) < 40 for d in man + nat)
    ]
    if nat and len(nat) >= len(man) and not explosive and not violent:
        return "NATURAL_DISASTER"
    if man and not explosive and not violent and not [h for h in strong if h.event_type == "PROTEST"]:
        return "MAN_MADE_DISASTER"
    crime = list(_DISASTER["ORG_CRIME"].finditer(text))
    mob = any(h.acled == "Mob violence" and h.weight >= 0.85 and h.start < first[1] for h in hits)
    if crime and (len(crime) >= 2 or not strong) and top_sub not in _NOT_CRIME and not mob:
        return "ORG_CRIME"
    if not in_scope and etype in _DIPLO_TYPES:
        if (
            etype == "AGREE"
            and types.get("AGREE", (0, None))[1] is not None
            and types["AGREE"][1].acled == "Agreement"
        ):
            return None  # a deal between the parties to a conflict: ACLED "Agreement"
        return "DIPLO"
    return None


_NOT_CRIME = frozenset(
    {
        "Peaceful protest",
        "Violent demonstration",
        "Protest with intervention",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Suicide bomb",
        "Chemical weapon",
        "Armed clash",
    }
)
