"""The words of a release's layout, per language: the release line, ENDS, the section
headings, the contact labels and the standing notes to editors that base.md.j2 writes.

One table serves every language, so one base template does; release/layout.py fills the
patterns for a render (pressgen's placeholder language, text/placeholders.py). The words
follow each language's own press conventions, not a translation of the English line by
line ("Sous embargo jusqu’au …", "Noot voor de redactie", "以上"). A pattern that takes
the embargo's date follows it with the grammar of the date the formatter writes
(weekday first where the house style puts one). A language without an entry is written
in English, and `layout_words_for` says so, so the render can warn.

Forms keyed by CLDR plural category (`one`, `few`, `many`, `other`) are chosen by the
formatter's plural rules for the number they hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Rounding = Literal["half_up", "half_even", "down", "up"]
Gender = Literal["m", "f", "n"] | None

#: French spaces: a no-break space before a colon, a narrow one before a semicolon.
_NBSP, _NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class LayoutWords:
    """A language's layout words. Fields in braces: `{when}` the embargo's date and time,
    `{organisation}`, `{source}` (publisher, reference and date joined by `sep`),
    `{period}`, `{counted}`, `{markers}` (the suppression marks), `{n}`/`{N}` a count
    (in running text / opening a sentence), `{unit}` the rounding unit, `{k}` a count of
    decimal places in the house style's words, `{d}` the same in digits."""

    immediate: str
    embargo: str
    ends: str
    notes: str
    about: str
    contact: str
    email: str
    telephone: str
    draft: str
    source: str
    period: str
    period_counted: str
    illustrative: str
    unsuppressed: str
    suppressed: Mapping[str, str]
    rounding: Mapping[Rounding, str]
    whole: str
    places: Mapping[str, str]
    #: Whether the whole release line is in capitals (the English, Romance and Nordic
    #: wire convention); German writes only its label in capitals, and scripts without
    #: case are unchanged either way.
    caps: bool = True
    sep: str = ", "
    #: The grammatical gender of the noun after a suppressed-cell count and after the
    #: count of decimal places ('une valeur', 'eine Nachkommastelle').
    suppressed_gender: Gender = None
    places_gender: Gender = None


_EN = LayoutWords(
    immediate="FOR IMMEDIATE RELEASE",
    embargo="EMBARGOED UNTIL {when}",
    ends="ENDS",
    notes="Notes to editors",
    about="About {organisation}",
    contact="Media contact",
    email="Email:",
    telephone="Telephone:",
    draft="DRAFT",
    source="Source: {source}.",
    period="The figures cover {period}.",
    period_counted="The figures cover {period} and count {counted}.",
    illustrative="The figures in this release are invented for illustration and do not "
    "describe real events.",
    unsuppressed="No figure in this release uses a cell that was suppressed in the source.",
    suppressed={
        "one": "{N} cell was suppressed in the source (shown as {markers}) and is left out "
        "of the totals, so the true figures may be slightly higher.",
        "other": "{N} cells were suppressed in the source (shown as {markers}) and are left "
        "out of the totals, so the true figures may be slightly higher.",
    },
    rounding={
        "half_up": "Percentages are rounded to {unit}, with halves rounded up.",
        "half_even": "Percentages are rounded to {unit}, with halves rounded to the nearest "
        "even digit.",
        "down": "Percentages are rounded to {unit}, always rounded down.",
        "up": "Percentages are rounded to {unit}, always rounded up.",
    },
    whole="the nearest whole number",
    places={"one": "{d} decimal place", "other": "{d} decimal places"},
)

_DE = LayoutWords(
    immediate="ZUR SOFORTIGEN VERÖFFENTLICHUNG",
    embargo="SPERRFRIST: {when}",
    caps=False,
    ends="ENDE",
    notes="Hinweise für Redaktionen",
    about="Über {organisation}",
    contact="Pressekontakt",
    email="E-Mail:",
    telephone="Telefon:",
    draft="ENTWURF",
    source="Quelle: {source}.",
    period="Die Zahlen umfassen {period}.",
    period_counted="Die Zahlen umfassen {period} und zählen {counted}.",
    illustrative="Die Zahlen in dieser Mitteilung sind zur Veranschaulichung erfunden und "
    "beschreiben keine realen Ereignisse.",
    unsuppressed="Keine Zahl in dieser Mitteilung beruht auf einem Wert, der in der Quelle "
    "unterdrückt wurde.",
    suppressed={
        "one": "{N} Wert wurde in der Quelle unterdrückt (angegeben als {markers}) und ist "
        "in den Summen nicht enthalten; die tatsächlichen Zahlen können daher etwas höher "
        "liegen.",
        "other": "{N} Werte wurden in der Quelle unterdrückt (angegeben als {markers}) und "
        "sind in den Summen nicht enthalten; die tatsächlichen Zahlen können daher etwas "
        "höher liegen.",
    },
    # Kaufmännisch rounding is said in words, not as "ab 5": a digit there is a number
    # the house style would spell out.
    rounding={
        "half_up": "Anteile sind {unit} gerundet (kaufmännisch, Hälften werden aufgerundet).",
        "half_even": "Anteile sind {unit} gerundet (mathematisch, bei genau der Hälfte zur "
        "geraden Ziffer).",
        "down": "Anteile sind {unit} abgerundet.",
        "up": "Anteile sind {unit} aufgerundet.",
    },
    whole="auf ganze Prozent",
    places={"one": "auf {k} Nachkommastelle", "other": "auf {k} Nachkommastellen"},
    places_gender="f",
)

_FR = LayoutWords(
    immediate="Pour diffusion immédiate",
    embargo="Sous embargo jusqu’au {when}",
    ends="FIN",
    notes="Notes aux rédactions",
    about="À propos de {organisation}",
    contact="Contact presse",
    email=f"Courriel{_NBSP}:",
    telephone=f"Téléphone{_NBSP}:",
    draft="PROJET",
    source=f"Source{_NBSP}: {{source}}.",
    period="Les chiffres portent sur {period}.",
    period_counted="Les chiffres portent sur {period} et recensent {counted}.",
    illustrative="Les chiffres de ce communiqué sont fictifs, inventés pour l’exemple, et ne "
    "décrivent aucun fait réel.",
    unsuppressed="Aucun chiffre de ce communiqué ne repose sur une valeur masquée dans la source.",
    suppressed={
        "one": f"{{N}} valeur a été masquée dans la source (notée {{markers}}) et n’entre pas "
        f"dans les totaux{_NNBSP}; les chiffres réels peuvent donc être un peu plus élevés.",
        "other": f"{{N}} valeurs ont été masquées dans la source (notées {{markers}}) et "
        f"n’entrent pas dans les totaux{_NNBSP}; les chiffres réels peuvent donc être un peu "
        "plus élevés.",
    },
    suppressed_gender="f",
    rounding={
        "half_up": "Les pourcentages sont arrondis {unit}, une demi-unité étant arrondie à la "
        "valeur supérieure.",
        "half_even": "Les pourcentages sont arrondis {unit}, une demi-unité étant arrondie au "
        "chiffre pair le plus proche.",
        "down": "Les pourcentages sont arrondis {unit} par défaut.",
        "up": "Les pourcentages sont arrondis {unit} par excès.",
    },
    whole="à l’unité",
    places={"one": "à {k} décimale", "other": "à {k} décimales"},
    places_gender="f",
)

_ES = LayoutWords(
    immediate="Para su difusión inmediata",
    embargo="Embargo hasta el {when}",
    ends="FIN",
    notes="Notas para la redacción",
    about="Acerca de {organisation}",
    contact="Contacto de prensa",
    email="Correo electrónico:",
    telephone="Teléfono:",
    draft="BORRADOR",
    source="Fuente: {source}.",
    period="Las cifras abarcan {period}.",
    period_counted="Las cifras abarcan {period} y cuentan {counted}.",
    illustrative="Las cifras de este comunicado son ficticias, creadas a modo de ejemplo, y "
    "no describen hechos reales.",
    unsuppressed="Ninguna cifra de este comunicado se basa en un dato suprimido en la fuente.",
    suppressed={
        "one": "{N} dato se suprimió en la fuente (indicado como {markers}) y no se incluye "
        "en los totales, por lo que las cifras reales pueden ser algo mayores.",
        "other": "{N} datos se suprimieron en la fuente (indicados como {markers}) y no se "
        "incluyen en los totales, por lo que las cifras reales pueden ser algo mayores.",
    },
    suppressed_gender="m",
    rounding={
        "half_up": "Los porcentajes se redondean {unit}; las mitades, hacia arriba.",
        "half_even": "Los porcentajes se redondean {unit}; las mitades, hacia la cifra par "
        "más próxima.",
        "down": "Los porcentajes se redondean {unit}, siempre hacia abajo.",
        "up": "Los porcentajes se redondean {unit}, siempre hacia arriba.",
    },
    whole="al número entero más próximo",
    places={"one": "a {k} decimal", "other": "a {k} decimales"},
    places_gender="m",
)

_IT = LayoutWords(
    immediate="Per diffusione immediata",
    embargo="Embargo fino a {when}",
    ends="FINE",
    notes="Note per la redazione",
    about="Informazioni su {organisation}",
    contact="Contatti per la stampa",
    email="E-mail:",
    telephone="Telefono:",
    draft="BOZZA",
    source="Fonte: {source}.",
    period="I dati riguardano {period}.",
    period_counted="I dati riguardano {period} e contano {counted}.",
    illustrative="I dati di questo comunicato sono inventati a scopo illustrativo e non "
    "descrivono fatti reali.",
    unsuppressed="Nessun dato di questo comunicato si basa su valori oscurati nella fonte.",
    suppressed={
        "one": "{N} valore è stato oscurato nella fonte (indicato come {markers}) e non è "
        "compreso nei totali, quindi i dati reali potrebbero essere leggermente più alti.",
        "other": "{N} valori sono stati oscurati nella fonte (indicati come {markers}) e non "
        "sono compresi nei totali, quindi i dati reali potrebbero essere leggermente più "
        "alti.",
    },
    suppressed_gender="m",
    rounding={
        "half_up": "Le percentuali sono arrotondate {unit}, con le metà arrotondate per eccesso.",
        "half_even": "Le percentuali sono arrotondate {unit}, con le metà arrotondate alla "
        "cifra pari più vicina.",
        "down": "Le percentuali sono arrotondate {unit} per difetto.",
        "up": "Le percentuali sono arrotondate {unit} per eccesso.",
    },
    whole="all’unità",
    places={"one": "a {k} cifra decimale", "other": "a {k} cifre decimali"},
    places_gender="f",
)

_NL = LayoutWords(
    immediate="Voor directe publicatie",
    embargo="Embargo tot {when}",
    ends="EINDE PERSBERICHT",
    notes="Noot voor de redactie",
    about="Over {organisation}",
    contact="Perscontact",
    email="E-mail:",
    telephone="Telefoon:",
    draft="CONCEPT",
    source="Bron: {source}.",
    period="De cijfers beslaan {period}.",
    period_counted="De cijfers beslaan {period} en tellen {counted}.",
    illustrative="De cijfers in dit persbericht zijn ter illustratie verzonnen en beschrijven "
    "geen echte gebeurtenissen.",
    unsuppressed="Geen enkel cijfer in dit persbericht berust op een waarde die in de bron "
    "is weggelaten.",
    suppressed={
        "one": "{N} waarde is in de bron weggelaten (weergegeven als {markers}) en telt niet "
        "mee in de totalen; de werkelijke cijfers kunnen dus iets hoger liggen.",
        "other": "{N} waarden zijn in de bron weggelaten (weergegeven als {markers}) en "
        "tellen niet mee in de totalen; de werkelijke cijfers kunnen dus iets hoger liggen.",
    },
    rounding={
        "half_up": "Percentages zijn afgerond {unit}, waarbij een half naar boven wordt afgerond.",
        "half_even": "Percentages zijn afgerond {unit}, waarbij een half naar het "
        "dichtstbijzijnde even cijfer wordt afgerond.",
        "down": "Percentages zijn {unit} naar beneden afgerond.",
        "up": "Percentages zijn {unit} naar boven afgerond.",
    },
    whole="op hele getallen",
    places={"one": "op {k} decimaal", "other": "op {k} decimalen"},
)

_PL = LayoutWords(
    immediate="Do natychmiastowej publikacji",
    # After "do" a date would take the genitive; the label and colon keep the date as
    # the formatter writes it (nominative weekday).
    embargo="Embargo do: {when}",
    ends="KONIEC",
    notes="Informacje dla redakcji",
    about="O {organisation}",
    contact="Kontakt dla mediów",
    email="E-mail:",
    telephone="Telefon:",
    draft="PROJEKT",
    source="Źródło: {source}.",
    period="Dane obejmują {period}.",
    period_counted="Dane obejmują {period}; liczone są {counted}.",
    illustrative="Dane w tym komunikacie zostały wymyślone na potrzeby przykładu i nie "
    "opisują rzeczywistych zdarzeń.",
    unsuppressed="Żadna liczba w tym komunikacie nie opiera się na wartości utajnionej w źródle.",
    suppressed={
        "other": "Wartości utajnione w źródle (oznaczone jako {markers}): {n}. Nie wliczono "
        "ich do sum, więc rzeczywiste liczby mogą być nieco wyższe.",
    },
    rounding={
        "half_up": "Wartości procentowe zaokrąglono {unit}, połówki w górę.",
        "half_even": "Wartości procentowe zaokrąglono {unit}, połówki do najbliższej cyfry "
        "parzystej.",
        "down": "Wartości procentowe zaokrąglono {unit} w dół.",
        "up": "Wartości procentowe zaokrąglono {unit} w górę.",
    },
    whole="do liczb całkowitych",
    # The count of places follows "do" in the genitive, so it stays in digits.
    places={"one": "do {d} miejsca po przecinku", "other": "do {d} miejsc po przecinku"},
)

_SV = LayoutWords(
    immediate="För omedelbar publicering",
    embargo="Embargo till {when}",
    ends="SLUT",
    notes="Till redaktionen",
    about="Om {organisation}",
    contact="Presskontakt",
    email="E-post:",
    telephone="Telefon:",
    draft="UTKAST",
    source="Källa: {source}.",
    period="Siffrorna avser {period}.",
    period_counted="Siffrorna avser {period} och räknar {counted}.",
    illustrative="Siffrorna i detta pressmeddelande är påhittade som exempel och beskriver "
    "inga verkliga händelser.",
    unsuppressed="Ingen siffra i detta pressmeddelande bygger på ett värde som har "
    "undertryckts i källan.",
    suppressed={
        "one": "{N} värde har undertryckts i källan (anges som {markers}) och ingår inte i "
        "summorna, så de verkliga siffrorna kan vara något högre.",
        "other": "{N} värden har undertryckts i källan (anges som {markers}) och ingår inte i "
        "summorna, så de verkliga siffrorna kan vara något högre.",
    },
    rounding={
        "half_up": "Procentsatserna är avrundade {unit}, halvor uppåt.",
        "half_even": "Procentsatserna är avrundade {unit}, halvor till närmaste jämna siffra.",
        "down": "Procentsatserna är avrundade nedåt {unit}.",
        "up": "Procentsatserna är avrundade uppåt {unit}.",
    },
    whole="till heltal",
    places={"one": "till {k} decimal", "other": "till {k} decimaler"},
)

_PT = LayoutWords(
    immediate="Para divulgação imediata",
    embargo="Embargo até {when}",
    ends="FIM",
    notes="Notas para os editores",
    about="Sobre {organisation}",
    contact="Contato para a imprensa",
    email="E-mail:",
    telephone="Telefone:",
    draft="RASCUNHO",
    source="Fonte: {source}.",
    period="Os números abrangem {period}.",
    period_counted="Os números abrangem {period} e contam {counted}.",
    illustrative="Os números deste comunicado foram inventados para fins ilustrativos e não "
    "descrevem fatos reais.",
    unsuppressed="Nenhum número deste comunicado se baseia em um valor omitido na fonte.",
    suppressed={
        "one": "{N} valor foi omitido na fonte (indicado como {markers}) e não entra nos "
        "totais, por isso os números reais podem ser um pouco maiores.",
        "other": "{N} valores foram omitidos na fonte (indicados como {markers}) e não entram "
        "nos totais, por isso os números reais podem ser um pouco maiores.",
    },
    suppressed_gender="m",
    rounding={
        "half_up": "As porcentagens são arredondadas {unit}, com as metades arredondadas "
        "para cima.",
        "half_even": "As porcentagens são arredondadas {unit}, com as metades arredondadas "
        "para o algarismo par mais próximo.",
        "down": "As porcentagens são arredondadas {unit}, sempre para baixo.",
        "up": "As porcentagens são arredondadas {unit}, sempre para cima.",
    },
    whole="para o número inteiro mais próximo",
    places={"one": "para {k} casa decimal", "other": "para {k} casas decimais"},
    places_gender="f",
)

_JA = LayoutWords(
    immediate="即時公開",
    embargo="解禁日時：{when}",
    ends="以上",
    notes="編集者への注記",
    about="{organisation}について",
    contact="報道関係のお問い合わせ先",
    email="メール：",
    telephone="電話：",
    draft="下書き",
    source="出典：{source}。",
    sep="、",
    period="数値は{period}を対象としています。",
    period_counted="数値は{period}を対象とし、{counted}を数えたものです。",
    illustrative="このリリースの数値は説明のために作成した架空のもので、実際の出来事を示すものでは"
    "ありません。",
    unsuppressed="このリリースの数値には、出典で秘匿された値を用いたものはありません。",
    suppressed={
        "other": "出典で秘匿された値（{markers}と表示）が{n}件あり、合計には含めていません。"
        "実際の数値はわずかに大きい可能性があります。",
    },
    rounding={
        "half_up": "割合は{unit}四捨五入しています。",
        "half_even": "割合は{unit}丸めています（ちょうど半分のときは偶数側に丸めます）。",
        "down": "割合は{unit}切り捨てています。",
        "up": "割合は{unit}切り上げています。",
    },
    whole="整数に",
    places={"other": "小数第{d}位まで"},
)

_HI = LayoutWords(
    immediate="तत्काल प्रकाशन हेतु",
    embargo="{when} तक प्रकाशन पर रोक",
    ends="समाप्त",
    notes="संपादकों के लिए टिप्पणियाँ",
    about="{organisation} के बारे में",
    contact="मीडिया संपर्क",
    email="ईमेल:",
    telephone="फ़ोन:",
    draft="मसौदा",
    source="स्रोत: {source}।",
    period="आँकड़े {period} के हैं।",
    period_counted="आँकड़े {period} के हैं और इनमें {counted} गिने गए हैं।",
    illustrative="इस विज्ञप्ति के आँकड़े उदाहरण के लिए गढ़े गए हैं और किसी वास्तविक घटना का वर्णन नहीं करते।",
    unsuppressed="इस विज्ञप्ति का कोई भी आँकड़ा स्रोत में छिपाए गए किसी मान पर आधारित नहीं है।",
    suppressed={
        "other": "स्रोत में छिपाए गए मान ({markers} के रूप में दिखाए गए): {n}; ये योग में शामिल "
        "नहीं हैं, इसलिए वास्तविक आँकड़े कुछ अधिक हो सकते हैं।",
    },
    rounding={
        "half_up": "प्रतिशत {unit} पूर्णांकित हैं, आधे मान ऊपर की ओर।",
        "half_even": "प्रतिशत {unit} पूर्णांकित हैं, आधे मान निकटतम सम अंक की ओर।",
        "down": "प्रतिशत {unit} नीचे की ओर पूर्णांकित हैं।",
        "up": "प्रतिशत {unit} ऊपर की ओर पूर्णांकित हैं।",
    },
    whole="निकटतम पूर्णांक तक",
    places={"other": "दशमलव के {d} अंकों तक"},
)

#: Every language pressgen supports, by its CLDR code.
LAYOUT_WORDS: Mapping[str, LayoutWords] = {
    "en": _EN,
    "de": _DE,
    "fr": _FR,
    "es": _ES,
    "it": _IT,
    "nl": _NL,
    "pl": _PL,
    "sv": _SV,
    "pt": _PT,
    "ja": _JA,
    "hi": _HI,
}


def layout_words_for(language: str) -> tuple[LayoutWords, bool]:
    """The language's layout words, and whether they are its own (else English)."""
    own = LAYOUT_WORDS.get(language)
    return (own, True) if own is not None else (_EN, False)
