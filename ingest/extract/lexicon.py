"""Word lists the rules use. Written for newskg; English news usage."""

from __future__ import annotations

# ------------------------------------------------------------------ reporting
# lemma -> stance
REPORT_VERBS: dict[str, str] = {
    "say": "asserts", "tell": "asserts", "add": "asserts", "state": "asserts",
    "report": "asserts", "announce": "asserts", "explain": "asserts", "note": "asserts",
    "insist": "asserts", "warn": "asserts", "declare": "asserts", "assert": "asserts",
    "stress": "asserts", "maintain": "asserts", "argue": "asserts", "write": "asserts",
    "tweet": "asserts", "indicate": "asserts", "reveal": "asserts", "claim": "asserts",
    "allege": "accuses", "estimate": "asserts", "contend": "asserts", "suppose": "asserts", "disclose": "asserts", "quote": "asserts", "comment": "asserts",
    "confirm": "confirms", "acknowledge": "confirms", "admit": "confirms", "verify": "confirms",
    "deny": "denies", "reject": "denies", "dismiss": "denies", "refute": "denies",
    "accuse": "accuses", "blame": "accuses", "attribute": "accuses",
}
# reporting verbs whose infinitive or gerund is the content ("claimed to have", "denied firing")
XCOMP_CONTENT_VERBS = frozenset({"claim", "deny", "admit", "acknowledge", "confirm"})
# reporting verbs whose direct object (not a clause) is the content
OBJECT_CONTENT_VERBS = frozenset({"suppose", "confirm", "deny", "reject", "dismiss", "refute", "acknowledge", "admit", "report", "announce", "claim"})
HEDGE_VERBS = {"claim": "claimed", "allege": "alleged"}
HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly", "seemingly", "ostensibly"})
POSSIBLE_WORDS = frozenset({"may", "might", "could", "possibly", "perhaps", "maybe", "either"})
PROBABLE_WORDS = frozenset({"probably", "likely", "presumably", "believe", "suspect", "suspected"})
EMPTY_OBJECTS = frozenset({"nothing", "little"})
BLOCKING_HEADS = frozenset({"decline", "refuse", "fail", "want", "plan", "expect", "ask", "urge", "will"})
REPORT_NOUNS = frozenset({"report", "reports", "claim", "claims", "allegation", "allegations", "rumour", "rumor", "statement", "news"})
DENIAL_NOUNS = frozenset({"denial", "denials"})
# negated content predicates that make a report a denial ("was not behind", "not true")
DENIAL_PREDICATES = frozenset({"behind", "responsible", "involved", "carry", "launch", "conduct", "true", "correspond"})
FALSE_WORDS = frozenset({"false", "untrue", "baseless", "groundless", "fabricated", "fake", "unfounded"})

# ------------------------------------------------------------------ speakers and roles
ROLE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "governor", "minister", "president",
    "commander", "chief", "head", "director", "official", "officer", "secretary", "mayor",
    "leader", "ambassador", "envoy", "deputy", "general", "colonel", "captain", "major",
    "prosecutor", "judge", "premier", "chairman", "chairwoman", "member", "lawmaker", "senator",
    "representative", "adviser", "advisor", "police", "sheriff", "superintendent", "administrator",
    "inspector", "lieutenant", "sergeant", "analyst", "expert", "researcher", "correspondent",
    "reporter", "journalist", "witness", "resident", "activist", "founder", "executive",
    "ceo", "coordinator", "manager", "diplomat", "cleric", "elder", "chancellor", "king", "queen",
    "prince", "mp", "councillor", "councilor", "attorney", "lawyer", "doctor", "professor",
    "commissioner", "broadcaster", "student", "editor", "columnist", "producer", "lecturer", "secretary-general",
})
SOURCE_NOUNS = frozenset({
    "official", "officials", "source", "sources", "authority", "authorities", "witness",
    "witnesses", "resident", "residents", "spokesman", "spokeswoman", "spokesperson",
    "investigator", "investigators", "observer", "observers", "analyst", "analysts", "expert",
    "experts", "medic", "medics", "doctor", "doctors", "villager", "villagers", "eyewitness",
    "eyewitnesses", "diplomat", "diplomats", "police", "rescuer", "rescuers", "organiser",
    "organizers", "organisers", "officer", "officers", "lawmaker", "lawmakers", "people",
    "neighbor", "neighbors", "neighbour", "neighbours", "relative", "relatives", "acquaintance",
    "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys", "bystander",
    "bystanders", "survivor", "survivors", "activist", "activists", "organizer", "writer", "author",
})
ORG_WORDS = frozenset({
    "ministry", "government", "police", "council", "parliament", "department", "office",
    "administration", "army", "force", "forces", "agency", "committee", "commission", "party",
    "court", "union", "service", "bureau", "authority", "command", "corps", "guard", "guards",
    "directorate", "embassy", "cabinet", "senate", "assembly", "congress", "organisation",
    "organization", "institute", "university", "company", "corporation", "bank", "group",
    "network", "front", "movement", "coalition", "alliance", "brigade", "battalion", "regiment",
    "division", "militia", "navy", "airforce", "military", "association", "federation", "fund",
    "foundation", "club", "team", "board", "house", "centre", "center", "hospital", "school",
    "station", "radio", "news", "press", "times", "post", "tv", "television", "channel",
    "inc", "ltd", "co", "nations", "states", "red", "crescent", "cross",
})
GOVERNMENT_WORDS = frozenset({
    "ministry", "government", "council", "parliament", "department", "office", "administration",
    "committee", "commission", "cabinet", "senate", "assembly", "congress", "directorate",
    "embassy", "presidency", "governorate", "municipality", "court", "prosecutor", "police",
    "interior", "defense", "defence",
})
FORCE_WORDS = frozenset({
    "army", "forces", "force", "military", "troops", "troop", "soldiers", "soldier", "guards",
    "guard", "police", "policemen", "policeman", "officers", "navy", "marines", "commandos",
    "brigade", "battalion", "militia", "militias", "security", "gendarmerie", "personnel",
    "peacekeepers", "servicemen", "sailors", "pilots",
})
ARMED_NOUNS = frozenset({
    "militant", "militants", "insurgent", "insurgents", "rebel", "rebels", "gunman", "gunmen",
    "fighter", "fighters", "terrorist", "terrorists", "jihadist", "jihadists", "attacker",
    "attackers", "bandit", "bandits", "extremist", "extremists", "separatist", "separatists",
    "assailant", "assailants", "bomber", "bombers", "pirates", "kidnappers", "guerrillas",
})
PEOPLE_NOUNS = frozenset({
    "people", "civilians", "civilian", "person", "persons", "villagers", "residents", "children",
    "women", "men", "students", "worker", "workers", "passengers", "smugglers", "pilgrims",
    "protesters", "protestors", "demonstrators", "migrants", "refugees", "prisoners", "inmates",
    "tourists", "journalists", "miners", "crew", "family", "members", "others", "victims",
    "individuals", "patients", "citizens", "farmers", "shepherds", "hostages", "employees",
    "staff", "fishermen", "teachers", "doctors", "nurses", "guests", "visitors", "residents",
    "occupants", "bodies", "adults", "babies", "girls", "boys", "suspects", "drivers", "crewmembers",
    "police", "policemen", "officers", "soldiers", "troops", "guards", "militants", "fighters",
    "insurgents", "rebels", "gunmen", "attackers", "personnel", "servicemen", "marines",
    "firefighters", "rescuers", "commandos", "recruits", "cadets", "sailors", "pilots",
    "worshippers", "spectators", "fans", "athletes", "climbers", "hikers", "monks", "priests",
    "bystanders", "pedestrians", "officials",
})
MEDIA_WORDS = frozenset({
    "agency", "radio", "television", "tv", "newspaper", "daily", "news", "times", "post",
    "press", "channel", "broadcaster", "network", "tribune", "gazette", "journal", "herald",
    "telegraph", "guardian", "wire", "website", "outlet", "magazine", "service", "today",
})
KNOWN_MEDIA = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france-presse", "agence france presse",
    "bbc", "cnn", "al jazeera", "ria", "ria novosti", "tass", "interfax", "xinhua", "tolo news",
    "tolonews", "pajhwok", "khaama press", "asia-plus", "asia plus", "radio liberty",
    "radio free europe", "rfe/rl", "radio azadi", "voice of america", "voa", "new york times",
    "the new york times", "washington post", "the washington post", "the guardian", "guardian",
    "bloomberg", "sky news", "fox news", "abc", "nbc", "cbs", "npr", "dpa", "efe", "ansa",
    "anadolu", "anadolu agency", "irna", "isna", "fars", "tasnim", "press tv", "sputnik", "rt",
    "the times", "the telegraph", "the independent", "daily mail", "wall street journal",
    "the wall street journal", "financial times", "le monde", "der spiegel", "kyodo", "yonhap",
    "ani", "pti", "dawn", "the hindu", "times of india", "wikinews", "the associated press",
    "ntv", "itar-tass", "ria-novosti", "rferl", "ekho moskvy", "tolo", "ariana news",
    "1tv", "shamshad", "al arabiya", "cbc", "abc news", "cbs news", "nbc news", "usa today",
    "the australian", "the age", "stuff", "rnz", "the sun", "twitter", "facebook", "telegram",
    "instagram", "youtube", "weibo", "tiktok", "pa media", "press association",
})
KNOWN_ARMED_GROUPS = frozenset({
    "taliban", "islamic state", "isis", "isil", "is", "daesh", "al-qaeda", "al qaeda", "al-qaida",
    "al-shabaab", "al shabaab", "al-shabab", "boko haram", "hezbollah", "hamas", "houthis",
    "houthi", "pkk", "haqqani network", "islamic jihad", "tehrik-i-taliban", "ttp", "lashkar-e-taiba",
    "jaish-e-mohammed", "al-nusra", "hayat tahrir al-sham", "hts", "ypg", "sdf", "farc", "eln",
    "isis-k", "islamic state khorasan", "imu", "islamic movement of uzbekistan", "ansarullah",
    "wagner", "janjaweed", "rsf", "rapid support forces", "m23", "adf", "al-shabaab militants",
    "new ira", "ira", "eta", "abu sayyaf", "bangsamoro", "npa", "new people's army",
})
ARMED_GROUP_MEMBER_NOUNS = frozenset({"militant", "militants", "fighters", "fighter", "members", "member", "insurgents", "gunmen", "commanders", "commander", "rebels"})

# ------------------------------------------------------------------ events
# single-word triggers: lemma -> type (nouns and verbs)
NOUN_TRIGGERS: dict[str, str] = {
    "airstrike": "air_strike", "air-strike": "air_strike", "clash": "armed_clash",
    "fighting": "armed_clash", "firefight": "armed_clash", "gunbattle": "armed_clash",
    "gunfight": "armed_clash", "skirmish": "armed_clash", "shootout": "armed_clash",
    "battle": "battle", "ambush": "ambush", "raid": "raid", "attack": "attack",
    "assault": "attack", "offensive": "offensive", "invasion": "offensive", "incursion": "offensive",
    "shelling": "shelling", "bombardment": "shelling", "bombing": "bombing", "explosion": "bombing",
    "blast": "bombing", "ied": "ied", "stabbing": "attack", "stabbings": "attack", "murder": "attack",
    "assassination": "attack", "gunfire": "attack", "killing": "attack", "rampage": "attack", "spree": "attack", "landmine": "ied", "kidnapping": "kidnapping",
    "abduction": "kidnapping", "hijacking": "kidnapping", "arrest": "arrest", "detention": "arrest",
    "incident": "incident", "massacre": "attack_on_civilians", "custody": "arrest", "shooting": "attack",
    "strike": "attack", "ceasefire": "agreement", "truce": "agreement", "jailbreak": "escape",
    "prison-break": "escape", "withdrawal": "withdrawal", "deployment": "deployment",
    "piracy": "piracy",
}
VERB_TRIGGERS: dict[str, str] = {
    "clash": "armed_clash", "attack": "attack", "ambush": "ambush", "raid": "raid", "shell": "shelling",
    "bomb": "bombing", "kidnap": "kidnapping", "abduct": "kidnapping", "arrest": "arrest",
    "detain": "arrest", "storm": "attack", "assault": "attack", "explode": "bombing",
    "hijack": "kidnapping", "invade": "offensive", "stab": "attack", "shoot": "attack", "murder": "attack",
    "assassinate": "attack", "fight": "armed_clash", "deploy": "deployment", "withdraw": "withdrawal",
    "escape": "escape", "recapture": "territory_taken", "apprehend": "arrest", "nab": "arrest",
}
# demonstrations (ACLED "Protests" and "Riots"): a rally or march is a protest; participants'
# violence makes it a riot
NOUN_TRIGGERS.update({
    "protest": "protest", "demonstration": "protest", "rally": "protest", "sit-in": "protest",
    "riot": "riot", "rioting": "riot", "unrest": "riot",
})
VERB_TRIGGERS.update({"protest": "protest", "demonstrate": "protest", "riot": "riot"})

# two-word triggers (lower-cased text of modifier + head lemma) -> type
PHRASE_TRIGGERS: dict[tuple[str, str], str] = {
    ("air", "strike"): "air_strike", ("air", "strikes"): "air_strike", ("drone", "strike"): "air_strike",
    ("air", "raid"): "air_strike", ("missile", "strike"): "air_strike", ("aerial", "bombardment"): "air_strike",
    ("aerial", "attack"): "air_strike", ("air", "attack"): "air_strike", ("drone", "attack"): "air_strike",
    ("gun", "battle"): "armed_clash", ("suicide", "bombing"): "suicide_bombing", ("suicide", "attack"): "suicide_bombing",
    ("suicide", "bomber"): "suicide_bombing", ("suicide", "blast"): "suicide_bombing", ("suicide", "explosion"): "suicide_bombing",
    ("car", "bomb"): "car_bombing", ("car", "bombing"): "car_bombing", ("truck", "bomb"): "car_bombing",
    ("vehicle", "bomb"): "car_bombing", ("roadside", "bomb"): "ied", ("roadside", "bombing"): "ied",
    ("roadside", "blast"): "ied", ("mortar", "attack"): "shelling", ("rocket", "attack"): "shelling",
    ("artillery", "attack"): "shelling", ("missile", "attack"): "shelling", ("artillery", "fire"): "shelling",
    ("mortar", "fire"): "shelling", ("rocket", "fire"): "shelling", ("terror", "attack"): "attack",
    ("terrorist", "attack"): "attack", ("hunger", "strike"): "", ("general", "strike"): "",
    ("gas", "explosion"): "", ("gas", "leak"): "", ("labor", "strike"): "", ("heart", "attack"): "",
    ("panic", "attack"): "", ("cyber", "attack"): "", ("shark", "attack"): "", ("bear", "attack"): "",
    ("knife", "attack"): "attack", ("gun", "attack"): "attack", ("mass", "shooting"): "attack", ("mass", "stabbing"): "attack",
    ("peace", "deal"): "agreement", ("peace", "agreement"): "agreement", ("ground", "invasion"): "offensive",
    ("military", "offensive"): "offensive", ("civil", "war"): "armed_clash",
}
AIR_WORDS = frozenset({"plane", "planes", "aircraft", "jet", "jets", "warplane", "warplanes", "drone", "drones", "helicopter", "helicopters", "bomber", "bombers", "air"})
AIRCRAFT_NOUNS = frozenset({"plane", "planes", "aircraft", "jet", "jets", "warplane", "warplanes", "drone", "drones", "helicopter", "helicopters", "gunship", "gunships"})
EVENT_FAMILY: dict[str, str] = {
    "air_strike": "violence", "bombing": "violence", "shelling": "violence", "attack": "violence",
    "ied": "violence", "suicide_bombing": "violence", "car_bombing": "violence", "raid": "violence",
    "ambush": "violence", "armed_clash": "clash", "battle": "clash",
}
FOIL_VERBS = frozenset({"foil", "thwart", "repel", "repulse", "prevent", "avert", "frustrate"})
# "reached an agreement", "entered into a deal": an agreement between parties
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "arrangement", "pact"})
AGREEMENT_VERBS = frozenset({"reach", "sign", "enter", "strike", "conclude", "broker", "seal", "agree", "announce", "make"})
# an attack on these (or at these gatherings) is an attack on civilians ("shot shoppers",
# "a shooting at a graduation party", "a mass shooting")
CIVILIAN_TARGETS = frozenset({
    "civilian", "shopper", "worshipper", "worshiper", "journalist", "reporter", "crowd", "churchgoer",
    "parishioner", "congregant", "pilgrim", "villager", "partygoer", "party-goer", "concertgoer",
    "reveller", "reveler", "bystander", "pedestrian", "tourist", "pupil", "schoolchild", "student",
    "child", "refugee", "patient", "diner", "commuter", "mourner", "spectator",
})
CIVILIAN_VENUES = frozenset({
    "party", "festival", "concert", "mosque", "church", "synagogue", "temple", "mall", "supermarket",
    "nightclub", "club", "wedding", "funeral", "parade", "cathedral", "shrine",
})
# "the second blast", "three further explosions": another event of the kind already named
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "final"})
NEW_EVENT_WORDS = frozenset({"another", "further", "fresh", "renewed", "new", "separate", "subsequent", "more"})
GENERIC_TRIGGERS = frozenset({"attack", "bombing", "assault", "strike", "blast", "explosion"})
HABITUAL_MODS = frozenset({"regular", "frequent", "repeated", "sporadic", "occasional", "ongoing", "daily", "periodic", "recurring", "future", "possible", "potential"})
HYPOTHETICAL_HEADS = frozenset({
    "permission", "plan", "plans", "threat", "threaten", "want", "intend", "order", "allow",
    "prepare", "risk", "try", "attempt", "aim", "vow", "call", "urge", "prevent", "avoid",
    "warn", "fear", "could", "would", "may", "might", "will", "should", "possibility", "ability",
    "need", "right", "refuse", "decide",
})
PERPETRATION_VERBS = frozenset({"carry", "launch", "conduct", "stage", "mount", "execute", "perpetrate", "commit", "claim", "order", "unleash"})

# ------------------------------------------------------------------ casualties
CASUALTY_VERBS: dict[str, str] = {
    "kill": "killed", "die": "killed", "slay": "killed", "execute": "killed", "behead": "killed",
    "murder": "killed", "perish": "killed", "massacre": "killed", "shoot": "killed", "drown": "killed",
    "wound": "wounded", "injure": "wounded", "hospitalize": "wounded", "hospitalise": "wounded", "hurt": "wounded", "maim": "wounded",
    "capture": "captured", "abduct": "captured", "kidnap": "captured", "seize": "captured",
    "detain": "captured", "arrest": "captured", "take": "captured", "apprehend": "captured", "nab": "captured",
    "miss": "missing", "displace": "displaced",
}
CASUALTY_ADJ: dict[str, str] = {
    "dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
    "missing": "missing", "hurt": "wounded", "displaced": "displaced", "captured": "captured",
    "hostage": "captured", "hostages": "captured", "fatalities": "killed", "deaths": "killed",
    "casualties": "affected", "injuries": "wounded", "dead.": "killed",
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1, "dozen": 12,
    "both": 2,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# "X fought/attacked Y, killing N": the verbs whose object is the group the N belong to
COMBAT_TYPES = frozenset({"attack", "armed_clash", "ambush", "raid", "shelling", "bombing", "offensive"})
COMBAT_VERBS = frozenset({"engage", "battle", "target", "strike", "hit", "bombard", "pound", "confront"})
# "no dead or wounded", "no fatalities": nouns of a zero figure
ZERO_NOUNS = {"dead": "killed", "deaths": "killed", "fatalities": "killed", "wounded": "wounded",
              "injured": "wounded", "injuries": "wounded"}
# plural nouns for the civilians at a scene (the group of "there were no dead")
CIVILIAN_NOUNS = frozenset({
    "civilians", "villagers", "residents", "refugees", "passengers", "pilgrims", "worshippers",
    "students", "children", "shoppers", "tourists", "migrants", "protesters", "demonstrators",
    "spectators", "guests", "patients", "workers", "inhabitants", "bystanders", "pedestrians",
})
# singular nouns for one person (the antecedent of "he"/"him" in a casualty figure)
PERSON_NOUNS = frozenset({
    "man", "woman", "person", "boy", "girl", "teenager", "attacker", "gunman", "assailant", "suspect",
    "shooter", "killer", "stabber", "bomber", "driver", "officer", "policeman", "policewoman",
    "soldier", "victim", "journalist", "photographer", "reporter", "student", "prisoner",
    "inmate", "guard", "worker", "passenger", "pedestrian", "child", "resident", "civilian",
})
# "the killing of X", "the death of 50 people"
DEATH_NOUNS = frozenset({"death", "deaths", "killing", "killings", "murder", "murders", "assassination"})
# "a bullet hit him": what wounds whom it hits
PROJECTILES = frozenset({"bullet", "shrapnel", "round", "pellet", "projectile", "shell", "rocket", "missile", "grenade", "stone", "rock"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "ourselves", "yourself"})
# "recovered 12 bodies", "the bodies of five soldiers were found": killed
BODY_VERBS = frozenset({"recover", "find", "discover", "retrieve", "pull", "exhume", "identify", "unearth"})
# "X was said/reported/believed to have been injured": X is the group
RAISING_VERBS = frozenset({"say", "report", "believe", "think", "know", "fear", "understand", "seem", "appear", "confirm", "presume"})
# "whose eye was injured": the owner of the body part is the group
BODY_PARTS = frozenset({"eye", "eyes", "head", "face", "leg", "legs", "arm", "arms", "hand", "hands", "foot", "feet",
                        "neck", "chest", "back", "shoulder", "stomach", "abdomen", "skull", "jaw", "knee", "spine"})
# events nobody is killed or wounded in (a figure of those kinds goes to a violent event)
NONVIOLENT_EVENTS = frozenset({"arrest", "deployment", "withdrawal", "agreement", "escape", "protest", "foiled_attack"})
# groups that say nothing about who the victims were: named after the event instead
GENERIC_VICTIMS = frozenset({"people", "persons", "lives", "victims", "others", "bodies", "individuals", "dozens", "hundreds", "thousands", "scores"})
# vague quantities -> lower bound
VAGUE_COUNTS: dict[str, int] = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3, "many": 2, "numerous": 2}
LOWER_BOUND = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "at minimum")
# subjects of "X are/include N A, M B and K C" (a toll listed by victim group)
TOLL_NOUNS = {"deaths": "killed", "dead": "killed", "fatalities": "killed", "killed": "killed",
              "injured": "wounded", "wounded": "wounded", "injuries": "wounded"}
# "more than 50" excludes 50: at least 51
STRICT_LOWER_BOUND = ("more than", "over", "in excess of")
UPPER_BOUND = ("up to", "at most", "fewer than", "less than", "no more than", "nearly", "almost", "under")

# titles before a name ("Chief Superintendent Graciano Mijares"): a role, not part of the name
TITLE_WORDS = frozenset({
    "chief", "superintendent", "general", "lieutenant", "colonel", "major", "captain", "admiral",
    "commander", "minister", "president", "prime", "deputy", "governor", "regional", "provincial",
    "senior", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sheikh", "mayor", "senator",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "inspector", "sergeant", "police",
    "brigadier", "brigadier-general", "judge", "prosecutor", "ambassador", "king", "queen", "prince",
    "pope", "officer", "director", "head", "leader", "interior", "defence", "defense", "foreign",
})

# nouns for places that are no administrative unit: the scene of an event
FACILITY_NOUNS = frozenset({
    "camp", "school", "market", "marketplace", "cathedral", "church", "mosque", "temple", "synagogue",
    "hall", "headquarters", "hospital", "clinic", "airport", "base", "checkpoint", "post", "bridge",
    "station", "compound", "embassy", "consulate", "hotel", "restaurant", "cafe", "shop", "store",
    "mall", "stadium", "university", "college", "prison", "jail", "court", "courthouse", "office",
    "building", "house", "home", "residence", "parliament", "palace", "port", "harbour", "harbor",
    "square", "park", "gardens", "garden", "street", "road", "highway", "motorway", "bazaar",
    "factory", "plant", "refinery", "mine", "field", "oilfield", "barracks", "outpost", "village",
    "town", "neighbourhood", "neighborhood", "suburb", "district", "area", "forest", "border",
    "crossing", "checkpoint", "convoy", "bus", "train", "car", "vehicle", "boat", "ship", "vessel",
    "prefecture", "ministry", "centre", "center", "club", "bar", "nightclub", "concert", "rally",
    "territory",
})
# projectiles whose impact is shelling ("a shell hit a house", "mortar rounds landed")
SHELL_NOUNS = frozenset({"shell", "mortar", "rocket", "artillery", "round", "projectile", "missile", "grenade"})
# gatherings that are the scene of an event "at" them ("a shooting at a graduation party")
GATHERING_NOUNS = frozenset({"party", "festival", "wedding", "funeral", "gathering", "celebration", "ceremony", "parade", "fair", "vigil"})
AREA_NOUNS = frozenset({"territory", "area", "forest", "border", "neighbourhood", "neighborhood", "suburb", "village", "town", "field", "square", "street", "road", "highway", "crossing"})

# verbs whose object and its description are the content ("called the death a senseless killing")
# "X were made by Y": the agent speaks ("attributions of responsibility were made by ...")
ATTRIBUTION_NOUNS = {"attributions": "accuses", "attribution": "accuses", "accusations": "accuses", "accusation": "accuses",
                     "allegations": "accuses", "claims": "asserts", "statements": "asserts", "statement": "asserts",
                     "denials": "denies", "denial": "denies"}
# passive reports with an agent ("was condemned by", "was described as ... by")
PASSIVE_REPORT_VERBS = frozenset({"condemn", "describe", "deny", "confirm", "announce", "declare", "criticise", "criticize", "report", "call", "label", "brand"})
# speech verbs outside the reporting lists: a sentence with one is someone's speech, not narration
SPEECH_VERBS = frozenset({"thank", "contend", "characterize", "characterise", "urge", "vow", "pledge", "express",
                          "suggest", "suppose", "believe", "identify", "speak", "talk", "ask", "appeal", "demand"})
SPEECH_NOUNS = frozenset({"statements", "condolences", "condemnation", "condemnations", "remarks", "interview", "manifesto"})
KIN_NOUNS = frozenset({"mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "widow", "uncle", "aunt", "cousin"})
EVALUATIVE_VERBS = frozenset({"call", "describe", "condemn", "praise", "label", "brand", "welcome", "criticise", "criticize",
                              "characterize", "characterise", "term", "dub", "identify"})
# evaluative verbs that report only with "as" ("identified the suspect as X")
AS_VERBS = frozenset({"identify"})
