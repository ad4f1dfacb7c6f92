"""The type decision: which PLOVER type a coded trigger carries in its clause, read from its parse.

The lexicon (code/lexicon.py) says what a word can carry; the clause says what it does carry. Each
rule here is a definition from the PLOVER 2.0 manual (the words it needs are in
data/ontology/type_words.tsv):

- THREATEN is a "coercive or forceful warning": "the continuing threat from Isis" (a danger named)
  carries none; "issued a threat", "Turkey's threat to launch...", "the threat of sanctions" do. "The
  threatened offensive" is a looming one, not a threat. (Warnings stay THREATEN: telling a danger
  foretold from a warning of one's own act by the parse alone lost threats on unstudied articles.)
- PROTEST is collective action: "resigned in protest" is a resignation (RETREAT), not a protest.
- REJECT covers rejections of requests: "resisted calls to..." is REJECT, not REQUEST; and
  "suggested that the withdrawal had emboldened Isis" asserts a belief, it asks for nothing.
- SUPPORT is non-material: "supported the militia with airstrikes and arms" is AID.
- Territory taken ("seized the town from Isis") is ASSAULT (ACLED territory sub-types), not COERCE
  'seize' (confiscation); captures by armed groups outside the state are ASSAULT 'abduct', not
  COERCE 'arrest' (manual, COERCE and ASSAULT ambiguities).
- "Members of the cell are accused of beheading..." (an allegation with no accuser) reports the
  beheading, not an accusation.
- A promise is what it promises: of force or coercion ("vowed to exterminate them", "ready to launch an
  operation") a THREATEN, of a withdrawal ("intends to withdraw the troops") a RETREAT (AGREE is willingness
  to cooperate; future RETREAT does not reduce to AGREE). An act of force foretold in a vow, or by the
  speaker for its own side ("Assad said his troops would liberate every inch"), is a threat; a warning
  about another named party's doing is a criticism (ACCUSE), about a danger with no party behind it none.
- Opposing an act or a proposal ("opposes the attendance of the Kurds") is REJECT; withdrawn support
  is SANCTION (a reduction of relations); a person convicted, sentenced or charged by the authorities is
  COERCE (realnews GUIDE: "a sentence/indictment by a court (COERCE)"); a place freed is taken by force
  (ASSAULT); "attacked X as vacuous", "attacked X for wanting..." characterise or blame: ACCUSE.
- Other senses: RETREAT 'release' is of captives ("released its budget" is none); violent verbs with
  a policy or an abstract object are figurative ("attacked the decision" is ACCUSE, "struck a deal"
  AGREE, "killed off any challenge" none); "offered an opportunity" offers no act; "asked not to be
  named" is a convention of news writing, not a REQUEST; "a hegemonic urge" is no request.
- The content of the main act is no act of its own: an act named as the topic of a deliberation ("discussed
  new sanctions", "talks on a prisoner exchange"), as what is requested ("seeking an investigation"), or in a
  "without" adjunct ("without seeking consent") is not done; a noun modifier classifies a unit ("a torture
  cell"). "Agreed that the regime has a record of..." shares a belief (AGREE is commitment to cooperate);
  "committed to its allies" supports a party (SUPPORT); "offered his congratulations" is the praise itself
  (SUPPORT), "offered condolences" an empathetic comment (no PLOVER type); "met a mixed response" meets no one.
- A warning that asks something of its addressee ("warned Iran against further tests", "warned Ankara not to
  attack") is a demand (REQUEST), not a threat. Forces pulled out of a place retreat (RETREAT 'withdraw'), a
  treaty or a body left is SANCTION 'withdraw'; an armed group expelled from a place loses territory (ASSAULT);
  an offensive its own side says it will launch is a threat (THREATEN); a person found guilty by a court is
  COERCE like one sentenced (realnews GUIDE). Quitting an office is a resignation (RETREAT); a place
  defended is held by force (ASSAULT), a decision defended is verbal support; a formal charge by prosecutors or
  police is an indictment (COERCE); "attacked Blair over his record" is a criticism (ACCUSE); a politician who
  defects leaves a party (SANCTION), MOBILIZE is a military or police move, and an order to withdraw troops is
  a retreat (RETREAT), not a mobilization.
- A clash over a policy, a plan or a question ("clashed with Trump over his decision"), or one side of which is a
  person ("the ambassador clashed with Trump"), is a dispute in words: ACCUSE (PLOVER: verbal assaults are ACCUSE);
  a clash of armed parties, crowds or police, or over control of a place, stays ASSAULT.
- A verb of movement tells a visit (CONSULT) only as a journey to a place: "came to encompass" (a change of state),
  "when it came to Islam" (an idiom) and "came to power" (no place) travel nowhere.
- Side words: a noun modifier of a noun naming a place, an office, a time, a power or a document ("detention
  centres", "the defence minister", "house arrest powers") classifies that thing, no act; the deed in an accusation's
  "of"/"for" complement ("accuses Iran of backing the Houthis") is what the accuser says (`accused_deed`); a past
  participle before a noun ("the wounded soldiers", "the detained men") describes a participant, no act.
- A deontic modal over a copula ("places should be there for all who want them", "the survivors should be a
  priority") says a state is desirable, an opinion, not a demand that a party act (REQUEST); "charged with ensuring
  order" assigns a duty (WordNet charge 'assign a duty'), no indictment; so does a stative verb under the modal
  ("Trump should know that...", "relations should not depend on one man's mood").
- A verb in a comparative clause ("sent fewer soldiers than Trump demanded") measures an amount, it is not the event
  its sentence reports; "asked how / whether / if ..." inquires, it requests nothing; "policies that appeal to all
  sides" attract (appeal 'be attractive to'); "tensions threaten to lead to war", "2,000 jobs are threatened" tell a
  danger (threaten 'pose a threat to'), no party's threat. A speech to a conference or a rally addresses an audience,
  no consultation; "welcomed the new targets" approves (SUPPORT), it hosts no one. "Happy to discuss", "willing to
  talk": a meeting one is disposed to is none held (an offer, AGREE, when the party says so).

The package, one job a module (each says what it decides and why):

- chooser: `choose`, the clause tests that hold for every type, then the type family's rules;
- threaten, protest, request, agree, consult, force (ASSAULT, COERCE, MOBILIZE), withdrawal (RETREAT,
  SANCTION), support (SUPPORT, AID), accuse: the rules of one type family each;
- promises: acts announced, not done (promised acts, force foretold);
- embedding, content, opinion: where a clause sits, acts that are another act's content, and beliefs,
  opinions and figures;
- actors: the type once the actor is known; retyping: a guess recoded as another type;
- vocab, tree: the word lists (data/ontology/type_words.tsv) and the parse walks all of them use.
"""

from __future__ import annotations

from eventdesk.code.type_choice.accuse import accused_deed, entrusted, passive_allegation
from eventdesk.code.type_choice.actors import by_actor, official_visit
from eventdesk.code.type_choice.chooser import choose
from eventdesk.code.type_choice.consult import addressed_audience
from eventdesk.code.type_choice.content import deliberated, demanded
from eventdesk.code.type_choice.embedding import comparative, describes_a_noun, disposition, side_trigger
from eventdesk.code.type_choice.opinion import desired_state, poll_share
from eventdesk.code.type_choice.promises import FORCE_TYPES, foretold_force, promised_type
from eventdesk.code.type_choice.request import inquiry
from eventdesk.code.type_choice.retyping import retype
from eventdesk.code.type_choice.threaten import menace, warning_type
from eventdesk.code.type_choice.tree import PARTY_ENTITIES, dominates
from eventdesk.code.type_choice.vocab import words

__all__ = [
    "FORCE_TYPES",
    "PARTY_ENTITIES",
    "accused_deed",
    "addressed_audience",
    "by_actor",
    "choose",
    "comparative",
    "deliberated",
    "demanded",
    "describes_a_noun",
    "desired_state",
    "disposition",
    "dominates",
    "entrusted",
    "foretold_force",
    "inquiry",
    "menace",
    "official_visit",
    "passive_allegation",
    "poll_share",
    "promised_type",
    "retype",
    "side_trigger",
    "warning_type",
    "words",
]
