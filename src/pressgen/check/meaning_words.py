"""The meaning words of each language, as data: direction (rise/fall), superlatives
(highest/lowest), ordinals and the words of a shared place. check/meaning.py reads them;
text/phrase_words.py writes the phrases whose words must be listed here."""

from __future__ import annotations

UP, DOWN = "up", "down"
HIGH, LOW = "high", "low"


def _w(words: str) -> list[str]:
    """A list of words written as one string, to keep the tables short."""
    return words.split()


_DIRECTION: dict[str, dict[str, str]] = {
    "en": dict.fromkeys(
        _w(
            "rise rises rose risen rising up increase increased increases increasing "
            "more higher grew grow grows growth jump jumped jumps climbed climb "
            "climbs gain gained gains"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "fall falls fell fallen falling down decrease decreased decreases "
            "decreasing fewer less lower drop dropped drops declined decline declines "
            "shrank shrunk reduction reductions cut"
        ),
        DOWN,
    ),
    "de": dict.fromkeys(
        _w(
            "mehr gestiegen stieg stiegen steigt steigen anstieg zunahme zugenommen "
            "höher plus wuchs gewachsen erhöht erhöhte zuwachs"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "weniger gesunken sank sanken sinkt sinken rückgang abnahme abgenommen "
            "niedriger minus gefallen fiel fielen zurück gesenkt verringert"
        ),
        DOWN,
    ),
    "fr": dict.fromkeys(
        _w(
            "hausse hausses augmentation augmentations augmenté augmente plus "
            "progression progressé supérieur supérieure croissance"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "baisse baisses diminution diminutions diminué diminue moins recul reculé "
            "inférieur inférieure chute"
        ),
        DOWN,
    ),
    "es": dict.fromkeys(
        _w(
            "aumento aumentos aumentó aumenta subió sube más alza incremento creció "
            "crece superior aumentan suben crecen"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "descenso descensos descendió bajó baja menos caída cayó disminución "
            "disminuyó inferior cae caen bajan disminuye descienden desciende"
        ),
        DOWN,
    ),
    "it": dict.fromkeys(
        _w(
            "aumento aumenti aumenta aumentato aumentata aumentati crescita cresce "
            "cresciuto rialzo più superiore salito salita sale"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "calo cali cala calato calata diminuzione diminuisce diminuito diminuita "
            "meno ribasso riduzione inferiore sceso scesa scende flessione"
        ),
        DOWN,
    ),
    "nl": dict.fromkeys(
        _w(
            "stijging stijgingen steeg stegen stijgt gestegen toename toegenomen nam "
            "meer hoger groei groeide gegroeid"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "daling dalingen daalde daalden daalt gedaald afname afgenomen minder "
            "lager kromp gekrompen"
        ),
        DOWN,
    ),
    "pl": dict.fromkeys(
        _w(
            "wzrost wzrosła wzrósł wzrosło wzrosły rośnie więcej wyższy wyższa "
            "zwiększyła zwiększył przyrost"
        ),
        UP,
    )
    | dict.fromkeys(
        _w(
            "spadek spadła spadł spadło spadły spada mniej niższy niższa zmniejszyła "
            "zmniejszył ubytek"
        ),
        DOWN,
    ),
    "sv": dict.fromkeys(
        _w("ökning ökningen ökade ökar ökat fler mer högre uppgång steg"),
        UP,
    )
    | dict.fromkeys(
        _w("minskning minskningen minskade minskar minskat färre mindre lägre nedgång sjönk"),
        DOWN,
    ),
    "pt": dict.fromkeys(
        _w("alta altas aumento aumentou aumenta subiu sobe mais crescimento cresceu superior"),
        UP,
    )
    | dict.fromkeys(
        _w("queda quedas caiu cai diminuição diminuiu menos redução recuo recuou inferior"),
        DOWN,
    ),
    "ja": dict.fromkeys(_w("増 増加 増加した 増えた 上昇 上昇した 倍増"), UP)
    | dict.fromkeys(_w("減 減少 減少した 減った 低下 低下した 半減"), DOWN),
    "hi": dict.fromkeys(_w("वृद्धि बढ़ा बढ़ी बढ़े बढ़ोतरी अधिक ज़्यादा"), UP)
    | dict.fromkeys(_w("गिरावट घटा घटी घटे कमी कम"), DOWN),
}

_SUPERLATIVE: dict[str, dict[str, str]] = {
    "en": dict.fromkeys(_w("highest largest biggest most greatest top"), HIGH)
    | dict.fromkeys(_w("lowest smallest fewest least bottom"), LOW),
    "de": dict.fromkeys(_w("höchste höchsten größte größten meisten"), HIGH)
    | dict.fromkeys(_w("niedrigste niedrigsten kleinste kleinsten wenigsten"), LOW),
    "fr": dict.fromkeys(_w("maximum maximale"), HIGH) | dict.fromkeys(_w("minimum minimale"), LOW),
    "es": dict.fromkeys(_w("máximo máxima mayor"), HIGH)
    | dict.fromkeys(_w("mínimo mínima menor"), LOW),
    "it": dict.fromkeys(_w("alto alta alti alte elevato elevata grande maggiore"), HIGH)
    | dict.fromkeys(_w("basso bassa bassi basse piccolo piccola minore"), LOW),
    "nl": dict.fromkeys(_w("hoogste grootste meeste"), HIGH)
    | dict.fromkeys(_w("laagste kleinste minste"), LOW),
    "pl": dict.fromkeys(_w("najwyższy najwyższa najwyższe największy największa"), HIGH)
    | dict.fromkeys(_w("najniższy najniższa najniższe najmniejszy najmniejsza"), LOW),
    "sv": dict.fromkeys(_w("högsta största flest"), HIGH)
    | dict.fromkeys(_w("lägsta minsta färst"), LOW),
    "pt": dict.fromkeys(_w("maior maiores"), HIGH) | dict.fromkeys(_w("menor menores"), LOW),
    "ja": dict.fromkeys(_w("高い 多い 大きい"), HIGH)
    | dict.fromkeys(_w("低い 少ない 小さい"), LOW),
}

_ORDINALS: dict[str, list[str]] = {
    "en": _w(
        "first second third fourth fifth sixth seventh eighth ninth tenth "
        "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
        "eighteenth nineteenth twentieth"
    ),
    "de": _w("erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte"),
    "fr": _w(
        "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième"
    ),
    "es": _w("primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo"),
    "it": _w("primo secondo terzo quarto quinto sesto settimo ottavo nono decimo"),
    "nl": _w("eerste tweede derde vierde vijfde zesde zevende achtste negende tiende"),
    "pl": (_w("pierwszy drugi trzeci czwarty piąty szósty siódmy ósmy dziewiąty dziesiąty")),
    "sv": _w("första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde"),
    "pt": _w("primeiro segundo terceiro quarto quinto sexto sétimo oitavo nono décimo"),
}
#: Languages whose ordinals agree by changing the last letter: Italian terzo/terza/terzi,
#: Portuguese terceiro/terceira, Polish trzeci/trzecia/trzecie.
_ORDINAL_LAST: dict[str, tuple[str, ...]] = {
    "it": ("o", "a", "i", "e"),
    "pt": ("o", "a", "os", "as"),
}
_ORDINAL_FORMS: dict[str, tuple[str, ...]] = {
    "de": ("", "n", "r", "s", "m"),
    "fr": ("", "s"),
    "es": ("", "s"),
    "en": ("",),
}
_EXTRA_ORDINALS = {
    "première": 1,
    "primera": 1,
    "primer": 1,
    "segunda": 2,
    "tercera": 3,
    "tercer": 3,
    "cuarta": 4,
    "quinta": 5,
}
_JOINT = {
    "joint",
    "equal",
    "gemeinsam",
    "geteilt",
    "geteilten",
    "aequo",
    "æquo",
    "empatado",
    "empatada",
    "empate",
    "pari",
    "gedeeld",
    "gedeelde",
    "delad",
    "delade",
    "empatados",
    "同率",
    "संयुक्त",
}
