"""The words of the angle sentences, per language: patterns in pressgen's placeholder
language (named fields in braces, filled by joining; see text/placeholders.py).

A language without its own table is written in English, and `wording_for` says so, so
the listing can tell the reader. The patterns avoid the noun's grammatical number and
gender (German "Geburten", Spanish "nacimientos" come straight from the dataset's
labels): the figure comes first, or the noun stands after a colon.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pressgen.angles.wording_more import HI, IT, JA, NL, PL, PLURALS, PT, STOPS, SV
from pressgen.text.placeholders import compile_placeholders

if TYPE_CHECKING:
    from pressgen.text.formatting import Formatter

Wording = Mapping[str, str]

_EN: Wording = {
    "total": "There were {at_least}{n} {noun}{when}",
    "total_alone": "There were {at_least}{n} {noun}",
    "record_suffix": ", the highest of the {k} periods",
    "when": " in {period}",
    "at_least": "at least ",
    "change": "{Noun} were {way} between {start} and {end}, from {before} to {after}",
    "up": "up {pct}",
    "down": "down {pct}",
    "same": "unchanged",
    "left_out": " ({k} {groups} without figures for both periods are left out)",
    "rise": "{row} had the {joint}largest rise in {noun} between {start} and {end}: "
    "{diff}, from {before} to {after}",
    "fall": "{row} had the {joint}largest fall in {noun} between {start} and {end}: "
    "{diff}, from {before} to {after}",
    "rise_pct": "{row} had the {joint}largest rise in {noun} in per cent terms: {diff} "
    "between {start} and {end}, from {before} to {after}",
    "joint": "joint ",
    "count_rise": "{K} of the {g} {groups} saw {noun} rise between {start} and {end}",
    "count_fall": "{K} of the {g} {groups} saw {noun} fall between {start} and {end}",
    "top": "{row} recorded the {joint}most {noun}{when}: {n}",
    "bottom": "{row} recorded the {joint}fewest {noun}{when}: {n}",
    "followed": ", followed by {others}",
    "outlier": "{row} stands out with {n} {noun}{when}, {ratio} times the average of {mean} "
    "across the {g} {groups}",
    "record": "{row} recorded {n} {noun}{when}, its highest in the {k} periods of the data "
    "(previous high {best})",
    "share": "{part_name} accounted for {pct} of the {whole} {noun}{when} ({which}{part} of "
    "{whole})",
    "largest": "the largest {column}: ",
    "suppressed": "; suppressed cells are left out, so the true figure may be higher",
    "coverage": "The figures cover {g} {groups} in {k} {parents}",
    "combined": "{part_name} together accounted for {pct} of the {whole} {noun}{when}",
    "and": " and ",
    "rate": "There were {at_least}{n} {noun} per {per} {population}{when}",
    "rate_top": "{row} had the {joint}highest rate of {noun}{when}: {n} per {per} {population}",
    "t_outlier": "{row} stands out with {n} {noun}{when}, well above the average across the "
    "{g} {groups}",
    "t_record": "{row} recorded {n} {noun}{when}, its highest in the {k} periods of the data",
    "t_share": "{part_name} accounted for {pct} of the {whole} {noun}{when}",
    "local": "How {group} compares: its {value} {noun} were the {rank} of the {of}, "
    "{share} of the {national} in all",
    "highest": "highest",
    "groups": "groups",
    "group": "group",
    "rate_left_out": " ({k} {groups} without a population figure are left out)",
}

_DE: Wording = {
    "total": "Im Zeitraum {period} gab es {at_least}{n} {noun}",
    "total_alone": "Insgesamt gab es {at_least}{n} {noun}",
    "record_suffix": ", der höchste Wert der {k} Zeiträume",
    "when": " ({period})",
    "at_least": "mindestens ",
    "change": "{Noun} zwischen {start} und {end}: {way}, von {before} auf {after}",
    "up": "plus {pct}",
    "down": "minus {pct}",
    "same": "unverändert",
    "left_out": " ({k} {groups} ohne Angaben für beide Zeiträume sind nicht berücksichtigt)",
    "rise": "{row}: {joint}größter Anstieg bei {noun} zwischen {start} und {end}, "
    "{diff}, von {before} auf {after}",
    "fall": "{row}: {joint}größter Rückgang bei {noun} zwischen {start} und {end}, "
    "{diff}, von {before} auf {after}",
    "rise_pct": "{row}: {joint}größter prozentualer Anstieg bei {noun}, {diff} "
    "zwischen {start} und {end}, von {before} auf {after}",
    "joint": "gemeinsam ",
    "count_rise": "{Noun}, Anstieg zwischen {start} und {end}: {k} von {g} {groups}",
    "count_fall": "{Noun}, Rückgang zwischen {start} und {end}: {k} von {g} {groups}",
    "top": "{row}: {joint}höchster Wert bei {noun}{when}, {n}",
    "bottom": "{row}: {joint}niedrigster Wert bei {noun}{when}, {n}",
    "followed": ", gefolgt von {others}",
    "outlier": "{row} sticht heraus: {n} {noun}{when}, das {ratio}-Fache des Durchschnitts "
    "von {mean} über {g} {groups}",
    "record": "{row}: {n} {noun}{when}, der höchste Wert in {k} Zeiträumen (bisheriger "
    "Höchstwert {best})",
    "share": "{part_name}: {pct} der {whole} {noun}{when} ({which}{part} von {whole})",
    "largest": "größter Anteil nach {column}: ",
    "suppressed": "; unterdrückte Werte sind nicht enthalten, der tatsächliche Wert kann "
    "höher sein",
    "coverage": "Die Zahlen umfassen {g} {groups} in {k} Einheiten nach {parents}",
    "combined": "{part_name} zusammen: {pct} der {whole} {noun}{when}",
    "and": " und ",
    "rate": "{Noun}{when}: {at_least}{n} je {per} {population}",
    "rate_top": "{row}: {joint}höchste Rate bei {noun}{when}, {n} je {per} {population}",
    "t_outlier": "{row} sticht heraus: {n} {noun}{when}, weit über dem Durchschnitt der "
    "{g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, der höchste Wert in {k} Zeiträumen",
    "t_share": "{part_name}: {pct} der {whole} {noun}{when}",
    "local": "{group} im Vergleich: {value} {noun}, der {rank} Wert von {of}, {share} der "
    "insgesamt {national}",
    "highest": "höchste",
    "groups": "Gruppen",
    "group": "Gruppe",
    "rate_left_out": " ({k} {groups} ohne Bevölkerungszahl sind nicht berücksichtigt)",
}

_FR: Wording = {
    "total": "En {period}, on compte {at_least}{n} {noun}",
    "total_alone": "Au total, on compte {at_least}{n} {noun}",
    "record_suffix": ", le niveau le plus élevé des {k} périodes",
    "when": " en {period}",
    "at_least": "au moins ",
    "change": "{Noun} entre {start} et {end} : {way}, de {before} à {after}",
    "up": "en hausse de {pct}",
    "down": "en baisse de {pct}",
    "same": "stable",
    "left_out": " ({k} {groups} sans données pour les deux périodes sont exclus)",
    "rise": "{row} : {joint}plus forte hausse {de_noun} entre {start} et {end}, "
    "{diff}, de {before} à {after}",
    "fall": "{row} : {joint}plus forte baisse {de_noun} entre {start} et {end}, "
    "{diff}, de {before} à {after}",
    "rise_pct": "{row} : {joint}plus forte hausse en pourcentage {de_noun}, {diff} "
    "entre {start} et {end}, de {before} à {after}",
    "joint": "ex aequo, ",
    "count_rise": "{Noun} : hausse dans {k} des {g} {groups} entre {start} et {end}",
    "count_fall": "{Noun} : baisse dans {k} des {g} {groups} entre {start} et {end}",
    "top": "{row} : {joint}valeur la plus élevée {de_noun}{when}, {n}",
    "bottom": "{row} : {joint}valeur la plus faible {de_noun}{when}, {n}",
    "followed": ", devant {others}",
    "outlier": "{row} se distingue : {n} {noun}{when}, soit {ratio} fois la moyenne de "
    "{mean} sur {g} {groups}",
    "record": "{row} : {n} {noun}{when}, le niveau le plus élevé sur {k} périodes "
    "(précédent record : {best})",
    "share": "{part_name} : {pct} des {whole} {noun}{when} ({which}{part} sur {whole})",
    "largest": "part la plus grande par {column} : ",
    "suppressed": " ; les cellules masquées sont exclues, le chiffre réel peut être plus élevé",
    "coverage": "Les chiffres couvrent {g} {groups} répartis en {k} valeurs de {parents}",
    "combined": "{part_name} réunis : {pct} des {whole} {noun}{when}",
    "and": " et ",
    "rate": "{Noun}{when} : {at_least}{n} pour {per} {population}",
    "rate_top": "{row} : {joint}taux le plus élevé {de_noun}{when}, {n} pour {per} {population}",
    "t_outlier": "{row} se distingue : {n} {noun}{when}, bien au-dessus de la moyenne des "
    "{g} {groups}",
    "t_record": "{row} : {n} {noun}{when}, le niveau le plus élevé sur {k} périodes",
    "t_share": "{part_name} : {pct} des {whole} {noun}{when}",
    "local": "{group} en comparaison : {value} {noun}, le {rank} des {of}, soit {share} du "
    "total de {national}",
    "highest": "plus élevé",
    "groups": "groupes",
    "group": "groupe",
    "rate_left_out": " ({k} {groups} sans chiffre de population sont exclus)",
}

_ES: Wording = {
    "total": "En {period} hubo {at_least}{n} {noun}",
    "total_alone": "En total hubo {at_least}{n} {noun}",
    "record_suffix": ", la cifra más alta de los {k} periodos",
    "when": " en {period}",
    "at_least": "al menos ",
    "change": "{Noun} entre {start} y {end}: {way}, de {before} a {after}",
    "up": "sube un {pct}",
    "down": "baja un {pct}",
    "same": "sin cambios",
    "left_out": " ({k} {groups} sin datos para ambos periodos quedan fuera)",
    "rise": "{row}: {joint}mayor subida de {noun} entre {start} y {end}, "
    "{diff}, de {before} a {after}",
    "fall": "{row}: {joint}mayor bajada de {noun} entre {start} y {end}, "
    "{diff}, de {before} a {after}",
    "rise_pct": "{row}: {joint}mayor subida porcentual de {noun}, {diff} entre {start} y "
    "{end}, de {before} a {after}",
    "joint": "empate, ",
    "count_rise": "{Noun}: subida en {k} de los {g} {groups} entre {start} y {end}",
    "count_fall": "{Noun}: bajada en {k} de los {g} {groups} entre {start} y {end}",
    "top": "{row}: {joint}el valor más alto de {noun}{when}, {n}",
    "bottom": "{row}: {joint}el valor más bajo de {noun}{when}, {n}",
    "followed": ", seguido de {others}",
    "outlier": "{row} destaca: {n} {noun}{when}, {ratio} veces la media de {mean} en {g} {groups}",
    "record": "{row}: {n} {noun}{when}, la cifra más alta en {k} periodos (máximo anterior: "
    "{best})",
    "share": "{part_name}: el {pct} de los {whole} {noun}{when} ({which}{part} de {whole})",
    "largest": "la mayor parte por {column}: ",
    "suppressed": "; las celdas suprimidas quedan fuera, la cifra real puede ser mayor",
    "coverage": "Las cifras abarcan {g} {groups} repartidos en {k} valores de {parents}",
    "combined": "{part_name} juntos: el {pct} de los {whole} {noun}{when}",
    "and": " y ",
    "rate": "{Noun}{when}: {at_least}{n} por cada {per} {population}",
    "rate_top": "{row}: {joint}la tasa más alta de {noun}{when}, {n} por cada {per} {population}",
    "t_outlier": "{row} destaca: {n} {noun}{when}, muy por encima de la media de los {g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, la cifra más alta en {k} periodos",
    "t_share": "{part_name}: el {pct} de los {whole} {noun}{when}",
    "local": "{group} en comparación: {value} {noun}, el {rank} de los {of}, el {share} del "
    "total de {national}",
    "highest": "más alto",
    "groups": "grupos",
    "group": "grupo",
    "rate_left_out": " ({k} {groups} sin cifra de población quedan fuera)",
}

WORDINGS: dict[str, Wording] = {
    "en": _EN,
    "de": _DE,
    "fr": _FR,
    "es": _ES,
    "it": IT,
    "nl": NL,
    "pt": PT,
    "pl": PL,
    "sv": SV,
    "ja": JA,
    "hi": HI,
}


#: The grammatical gender of a language's word for "groups", where a count before it
#: changes with it ("eine von vier Gruppen").
GROUPS_GENDER: dict[str, Literal["m", "f", "n"]] = {"de": "f"}


def counted(fmt: Formatter, words: Wording, key: str, k: object) -> str:
    """The pattern `key` in the form CLDR's plural rules give the count `k` in the
    formatter's language ("1 force is left out", "pominięto 5 grup"); the table's own
    pattern is the "other" form."""
    language = fmt.language if words is WORDINGS.get(fmt.language) else "en"
    forms = PLURALS.get(language, {}).get(key)
    if not forms:
        return words[key]
    return fmt.plural(str(k), **{**forms, "other": words[key]})


def wording_for(language: str) -> tuple[Wording, bool]:
    """The language's sentence patterns, and whether they are its own (else English)."""
    own = WORDINGS.get(language)
    return (own, True) if own is not None else (_EN, False)


_VOWELS = frozenset("aeiouyàâäéèêëîïôöûüùAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜÙ")


def de_noun(noun: str, language: str) -> str:
    """'de' before the noun, elided in French before a vowel ("d’attendees"); other
    languages' patterns do not use it."""
    if language == "fr" and noun[:1] in _VOWELS:
        return f"d’{noun}"
    return f"de {noun}"


def stop(language: str, own: bool) -> str:
    """What ends an angle sentence in the language ("。" in Japanese); English's "."
    where the sentence is the English fallback."""
    return STOPS.get(language, ".") if own else "."


def fill(pattern: str, values: Mapping[str, object]) -> str:
    """A pattern filled with `values`; every field it names must be there."""
    return compile_placeholders(pattern, tuple(sorted(values))).fill(values)
