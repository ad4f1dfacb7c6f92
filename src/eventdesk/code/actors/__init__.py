"""Actors: a noun phrase in a parsed sentence -> records.Actor, one job a module.

- words.py: the word lists of actor resolution (data/actors/*.txt) and plural-aware noun matching.
- dictionary.py: the actor dictionary (countries, named groups, sector nouns, office titles, office
  holders) and its mentions in a parsed sentence.
- phrase.py: the noun phrase a head token stands for: its text and number, the mentions and the
  person name it holds, the title a person's name is given with.
- venue.py: a town before an agreement or meeting noun ("the Minsk deal") names no party.
- context.py: what earlier sentences of the article told (persons, groups, office holders).
- anaphora.py: pronouns ("he", "they") and definite descriptions ("the group", "the minister")
  resolved to an actor named before.
- build.py: the actor record from what the dictionary and NER found in the phrase.
- resolve.py: `Resolver`, which runs these in order for one head token.
- events.py: actor fixes on whole coded events (protest roles, countries from the location).

Data (src/eventdesk/data/actors/, written by us; users add their own with
config["code"]["actor_files"], same TSV columns or JSONL {"name", "aliases", "country", "sector",
"countries"}):
- countries.jsonl: every ISO 3166-1 country with names, demonyms and capital (metonym for the
  government: "Tehran said ...").
- groups.tsv / igos.tsv: named organisations (armed groups, parties, state bodies known by name,
  IGOs, NGOs, media) with home country, PLOVER sector and the countries they operate in.
- sectors.tsv: kind-of-actor nouns ("army", "foreign ministry", "protesters") -> sector.
- offices.tsv: titles ("Foreign Minister", "parliament speaker") -> sector.
- people.tsv: office holders by name, for a person the text names without a country.
- places.txt: place names fed to the entity ruler so NER stops calling them people.
- *.txt word lists: pronouns, determiners, head nouns; each file's first line gives its source.

Resolution combines what the phrase holds: a named group, a country (name, demonym, capital or
possessive "Lebanon's"), an institution noun or an office title, a PERSON name. Later mentions of
a person in the same article (surname, "the top Iranian diplomat", "he") resolve to the same
actor through `context.ArticleContext`.
"""
