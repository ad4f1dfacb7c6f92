"""ACLED sub-type rules for a short report, each from an ACLED codebook definition: territory
changes by who gained and whether there was fighting, Battles vs Violence against civilians by
whether the target is armed, protest sub-types, Strategic-development note tags, "Other"."""

from __future__ import annotations

import re

from eventdesk.code.lexicon import Hit

_SENT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z0-9\"“‘(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (start, end) of a short report."""
    spans, start = [], 0
    for m in _SENT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    # a dateline or place name standing alone ("Deir Ezzur.", "Iraq.") belongs to the next sentence
    if len(spans) > 1 and len(text[spans[0][0] : spans[0][1]].split()) < 4:
        spans[:2] = [(spans[0][0], spans[1][1])]
    return spans


# State forces: a territorial gain by them is "Government regains territory", else a non-state gain.
_STATE_FORCES = re.compile(
    r"\b(?:army|military|armed forces|government(?:al)? forces|security forces|troops|soldiers|police|"
    r"pro-government|pro-hadi|national army|gendarmerie|[A-Z][a-z]+ian forces|forces of [A-Z]\w+|"
    r"sna|fardc|saf|sdf|tatmadaw|idf|ansf|regime forces)\b",
    re.I,
)


_NO_FIGHT = re.compile(
    r"\b(?:no (?:clashes|fighting|resistance)|without (?:a )?(?:fight|clashes|resistance)|"
    r"(?:not|never) (?:encounter|face|mee?t)\w* (?:any )?resistance|unopposed|"
    r"(?:clashes|fighting|resistance) (?:was|were) not reported|"
    r"peacefully|handed (?:\w+ )?over|handover|withdrew|pulled out|vacated)\b",
    re.I,
)


_HARD_FIGHT = re.compile(
    r"\b(?:bombard\w*|shell\w*|air ?strikes?|clash\w*|fighting|battles?|offensive)\b", re.I
)


_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|fighters|jihadists?|islamists?|terrorists?|militias?|militiamen|"
    r"guerrillas?|separatists?|gunmen|(?-i:IS|ISIS|ISIL|Daesh|Taliban|Houthis?|Al[- ]Shabaa?b|Boko Haram|JNIM|ISWAP))\b",
    re.I,
)


def _territory(text: str, hit: Hit) -> str:
    # a handover or withdrawal without fighting is a non-violent transfer (ACLED)
    calm = _NO_FIGHT.search(text)
    if calm:
        rest = _NO_FIGHT.sub(" ", text[max(0, hit.start - 200) : hit.end + 200])
        if not _HARD_FIGHT.search(rest):
            return "Non-violent transfer of territory"
    # who gained: the first actor named in the sentence of the words of the gain
    start = max((s for s, _ in sentences(text) if s <= hit.start), default=0)
    before = text[max(start, hit.start - 200) : hit.start]
    state, rebel = _STATE_FORCES.search(before), _NON_STATE.search(before)
    if rebel and (not state or rebel.start() < state.start()):
        return "Non-state actor overtakes territory"
    if hit.acled == "Government regains territory" or state:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


# PLOVER types whose hits say the report is an ACLED-scope event (violence, protest, arrest, seizure...)
# a specific trigger overrides the model's sub-type when the model gives it at least this share of its top
_HINT_MIN = 0.2


_WEAPON_SUBS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Chemical weapon",
        "Abduction/forced disappearance",
        "Sexual violence",
    }
)


_ACLED_SCOPE = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})


# ACLED notes of Strategic developments often open with a sub-type tag ("Defusal: On 3 May ...");
# the tags and their sub-types follow ACLED's coding conventions (as seen in the training notes).
_DWU, _LPD, _CGA = "Disrupted weapons use", "Looting/property destruction", "Change to group/activity"


_TAG_SUB = {
    "defusal": _DWU,
    "detonation": _DWU,
    "interception": _DWU,
    "weapons seizure": _DWU,
    _DWU.lower(): _DWU,
    "property destruction": _LPD,
    "looting": _LPD,
    "land seizure": _LPD,
    _LPD.lower(): _LPD,
    "change to armed group": _CGA,
    "movement of forces": _CGA,
    "recruitment": _CGA,
    "security measures": _CGA,
    _CGA.lower(): _CGA,
    "displacement": "Other",
    "other": "Other",
    "non-violent activity": "Other",
    "strikes": "Other",
    "elections/referendum": "Other",
    "mass grave": "Other",
    "training": "Other",
    "explosive remnants of war": "Other",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "arrests": "Arrests",
    "agreement": "Agreement",
}


_TAG = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,40}):\s")


_TAG_SCORE = 0.6


# Battles vs Violence against civilians (ACLED codebook): the same attack is a battle when its
# target is armed and organised (soldiers, police, militias...), violence against civilians when
# the target is unarmed. The target is read right after the first attack words of the report.
_ARMED = re.compile(
    r"\b(?:soldiers?|troops|(?:armed |security |government |military |defen[cs]e |police |regime |state )?forces|"
    r"army|military|police(?:m[ae]n| officers?| forces| station| post)?|gendarmes?|gendarmerie|militia(?:m[ae]n|s)?|"
    r"militants?|fighters|rebels?|insurgents?|jihadists?|combatants?|vigilantes?|guards|personnel|commanders?|"
    r"terrorists|extremists|bandits|gunmen|assailants|attackers|"
    r"checkpoints?|bases?|positions|patrol(?:s|ling)?|barracks|outposts?|troopers?|jawans?|servicem[ae]n|"
    r"officers|(?:member|members) of the [\w\s'-]{0,40}(?:forces|army|brigade|division|intelligence|militia))\b",
    re.I,
)


_CIVIL = re.compile(
    r"\b(?:civilians?|residents?|villagers?|farmers?|herders?|pastoralists?|traders?|worshipp?ers?|students?|"
    r"women|children|child|girls?|boys?|a man|a woman|men|people|passengers|famil(?:y|ies)|homes?|houses?|"
    r"journalists?|teachers?|motorists?|travell?ers|idps|refugees|migrants|workers?|chiefs?|mukhtar|"
    r"lawyers?|candidates?|shepherds?|fishermen|miners|worshippers|pilgrims|a civilian|locals?|imams?|priests?|"
    r"monks?|clerics?|scholars?|vendors?|mayors?|politicians?|activists?|doctors?|nurses?|judges?|prisoners?|"
    r"detainees?|shopkeepers?|drivers?|off-duty|retired)\b",
    re.I,
)


_ARMED_GROUP = re.compile(
    r"\b(?:armed (?:group|men|individuals|assailants|bandits)|gunmen|bandits|cult(?:ists)?)\b", re.I
)


_NON_ORG = re.compile(r"\b(?:rioters|mob|youths|crowd|demonstrators|protesters|residents|villagers)\b", re.I)


_FIGHT = re.compile(
    r"\b(?:clash\w*|exchange[ds]? (?:of )?fire|fighting|fought|gun ?battles?|gunfights?|repel\w*|"
    r"repuls\w*|firefights?|battl\w+)\b",
    re.I,
)


_EXP_MODES = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "unconventional"})


_EXP_SUBS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Chemical weapon",
    }
)


# Protest sub-types by the ACLED definitions: lethal or seriously injuring force against peaceful
# protesters -> Excessive force; protesters' own violence or destruction -> Violent demonstration;
# other intervention (arrests, dispersal, tear gas) -> Protest with intervention.
_PROTESTERS = r"(?:protesters|protestors|demonstrators|marchers|rallies|crowds?|(?:peaceful |the )?(?:protests?|demonstrations?|sit-ins?|rall(?:y|ies)))"


_EXCESSIVE = re.compile(
    r"\b(?:excessive force|live (?:ammunition|bullets|fire) (?:at|on|against)|"
    r"(?:brutally|violently) (?:dispers|suppress|repress|crush|broke)\w*|"
    r"(?:protesters|protestors|demonstrators|marchers) (?:\w+ ){0,3}(?:were |was |have been |had been )?"
    r"(?:killed|died|shot dead|gunned down|seriously injured)|"
    r"(?:killed|killing|shot|shooting|fired on|fired at|opened fire on|gunned down|attacks? against)\s+(?:\w+\s+){0,3}"
    + _PROTESTERS
    + r"|serious injuries among)\b",
    re.I,
)


_RIOTING = re.compile(
    r"\b(?:turned violent|turn violent|violent (?:protest|demonstration|clash)\w*|rioters|rioting|riots? (?:broke|erupted)|"
    r"(?:hurl|threw|throw|pelt|lob)\w* (?:\w+ ){0,2}(?:rocks|stones|objects|bottles|molotov|petrol bombs?|firebombs?|"
    r"eggs|bricks|firecrackers|fireworks)|molotov\w*|petrol bombs?|smash\w*|vandali[sz]\w*|set (?:fire|ablaze)|torch\w*|"
    r"burn(?:ed|t|ing)? (?:[\w'’]+ ){0,2}(?:tyres|tires|cars|vehicles|buildings|shops|police|offices|houses|homes|"
    r"machines|equipment|property|properties)|looted|looting|attack\w* (?:\w+ ){0,2}(?:civilians|residents|commuters|"
    r"passers-by|journalists)|"
    r"clash\w* (?:broke out )?(?:with|between) (?:\w+ ){0,2}(?:police|security|officers|troops|soldiers|riot police)|"
    r"clashes (?:have )?broke(?:n)? out|attack\w* (?:\w+ ){0,2}(?:police|officers|security forces)|street violence|"
    r"aggressive|pull\w* down|ransack\w*|fought with police|fight with police)\b",
    re.I,
)


_INTERVENE = re.compile(
    r"\b(?:tear ?gas\w*|pepper[- ]spray\w*|rubber bullets|water cannons?|stun grenades?|dispers(?:ed|al|ing|e)|"
    r"suppress\w*|broke up|break up|broken up|batons?|baton-charg\w+|lathi|cracked down|clampdown|intervened|"
    r"forcefully|forcibly|kettl\w+|tasered|(?:were|was|been|being) (?:\w+ )?(?:arrested|detained)|"
    r"(?:arrested|detained) (?:\w+ ){0,4}(?:protesters|demonstrators|participants)|(?:detained|arrested) during)\b",
    re.I,
)


_PROTEST_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|marchers|sit-ins?|human chain|crowds?|"
    r"rioters|rioted|rioting|activists)\b",
    re.I,
)


_MOB = re.compile(
    r"\b(?:mob violence|mob attacks?|mob lynching|lynch(?:ed|ing)|(?:an?|the) (?:angry )?mob)\b", re.I
)


_DURING_PROTEST = re.compile(
    r"\b(?:during|while|at)\b(?:\s+[\w'-]+){0,8}?\s+(?:" + _PROTEST_WORDS.pattern + ")", re.I
)


_PROTEST_SUBS = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
)


def _protest_sub(text: str, sub: str) -> str:
    """Re-read a protest call against the ACLED sub-type definitions (only ever away from 'peaceful')."""
    if sub in ("Attack", "Armed clash") and _EXCESSIVE.search(text):
        return "Excessive force against protesters"  # lethal force against a protest
    head = text[: sentences(text)[0][1]]
    if sub in ("Attack", "Armed clash") and _PROTEST_WORDS.search(head):
        if _RIOTING.search(head):
            return "Violent demonstration"  # the demonstrators' own violence
        if _INTERVENE.search(text):
            return "Protest with intervention"  # force used on a protest, no deaths told
    if sub != "Peaceful protest":
        return sub
    head = text[: sentences(text)[0][1]]
    mob = _MOB.search(head)
    if mob and not _PROTEST_WORDS.search(head[: mob.start()]):
        return "Mob violence"  # not a protest against a mob killing
    if _EXCESSIVE.search(text):
        return "Excessive force against protesters"
    if _RIOTING.search(text):
        return "Violent demonstration"
    if _INTERVENE.search(text):
        return "Protest with intervention"
    return sub


_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:[\w-]+ly\s+)?(?:[\w-]+\s+and\s+)?$", re.I
)


_PASSIVE_BY = re.compile(r"\s*(?:(?:up|off|down|out|dead|to death)\s+)?by\b", re.I)


def _target(text: str, hits: list[Hit]) -> str | None:
    """'armed' or 'civil': whom the first attack of the report's first sentence is aimed at."""
    first = sentences(text)[0]
    for h in hits:
        if h.event_type != "ASSAULT" or h.weight < 0.75 or h.start >= first[1]:
            continue
        window = text[h.end : min(first[1], h.end + 90)]
        if _PASSIVE_BY.match(window) or _PASSIVE_AUX.search(text[max(first[0], h.start - 30) : h.start]):
            # passive ("5 civilians were killed by fighters"): the target is the subject before
            subj = text[first[0] : h.start]
            a, c = list(_ARMED.finditer(subj)), list(_CIVIL.finditer(subj))
            if a or c:
                return "armed" if a and (not c or a[-1].start() > c[-1].start()) else "civil"
            return None  # the victim is not named: do not read the agent as the target
        a, c = _ARMED.search(window), _CIVIL.search(window)
        if a or c:
            return "armed" if a and (not c or a.start() < c.start()) else "civil"
    return None


# Property as the thing that suffered ("shops were looted and burned"): ACLED Looting/property destruction.
_PROPERTY_HIT = re.compile(
    r"\b(?:shops|stores|houses|homes|vehicles|cars|propert(?:y|ies)|buildings|businesses|assets|offices|"
    r"churches|mosques|schools|markets?|crops|farms?)\b[^.;]{0,40}?\b(?:were|was|have been|had been|has been) "
    r"(?:\w+ ){0,2}?(?:looted|burned|burnt|destroyed|torched|set (?:on fire|ablaze)|vandali[sz]ed|ransacked|razed|"
    r"demolished|plundered|pillaged)\b",
    re.I,
)


# Strategic developments "Other" (ACLED): mass graves found, people displaced or returning home.
_OTHER_SD = re.compile(
    r"\b(?:mass graves?|"
    r"(?:residents|refugees|civilians|families|idps|villagers|people|inhabitants) (?:\w+ )?(?:return|returned|returning) "
    r"(?:to|home)|fled (?:their|the) (?:homes|village|villages|town|area)|(?:were|been) (?:forcibly )?displaced|"
    r"displacement of|mass expulsion)\b",
    re.I,
)


def _armed_or_not(text: str, hits: list[Hit], sub: str, p_sub: float = 0.0) -> str:
    """Move an Attack / Armed clash / Mob violence / unsupported explosion call by who was targeted."""
    first = sentences(text)[0]
    head = text[first[0] : first[1]]
    if sub in ("Attack", "Armed clash", "Mob violence") and _PROPERTY_HIT.search(head):
        return "Looting/property destruction"
    lead = next(
        (h for h in hits if h.event_type == "ASSAULT" and h.weight >= 0.75 and h.start < first[1]), None
    )
    actor_text = text[first[0] : lead.start] if lead else head
    if lead and _PASSIVE_BY.match(text[lead.end :]):
        actor_text = text[lead.end : min(first[1], lead.end + 60)]  # passive: the agent follows "by"
    if sub in _EXP_SUBS and p_sub < 0.6 and not any(h.mode in _EXP_MODES or h.acled == sub for h in hits):
        tgt = _target(text, hits)  # no explosive/air/shelling words at all: an ordinary attack
        if tgt:
            return "Armed clash" if tgt == "armed" else "Attack"
        return sub
    if (
        sub in ("Attack", "Mob violence")
        and _target(text, hits) == "armed"
        and not _NON_ORG.search(actor_text)
    ):
        return "Armed clash"
    if (
        sub == "Mob violence"
        and lead
        and not _NON_ORG.search(actor_text)
        and (_ARMED.search(actor_text) or _ARMED_GROUP.search(actor_text))
    ):
        return "Attack"  # an organised armed group on unarmed people is not a mob (ACLED)
    if sub == "Armed clash":
        if lead and _NON_ORG.search(actor_text) and not _ARMED.search(actor_text):
            return "Mob violence"
        if _target(text, hits) == "civil" and not _FIGHT.search(head):
            return "Attack"
    return sub
