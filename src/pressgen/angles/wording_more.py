"""The words of the angle sentences in Italian, Dutch, Portuguese, Polish, Swedish,
Japanese and Hindi (the same keys as angles/wording.py's English table), and the plural
forms of the patterns whose
noun follows a count, by CLDR plural category: Polish says "pominięto 1 grupę", "2
grupy", "5 grup". As in wording.py, the dataset's own labels stand where their number
and case do not matter: after a colon, or after the figure in the genitive-free slot.
"""

from __future__ import annotations

from collections.abc import Mapping

Wording = Mapping[str, str]

IT: Wording = {
    "total": "Nel {period} si contano {at_least}{n} {noun}",
    "total_alone": "In totale si contano {at_least}{n} {noun}",
    "record_suffix": ", il valore più alto dei {k} periodi",
    "when": " ({period})",
    "at_least": "almeno ",
    "change": "{Noun} tra {start} e {end}: {way}, da {before} a {after}",
    "up": "in aumento del {pct}",
    "down": "in calo del {pct}",
    "same": "invariato",
    "left_out": " ({k} gruppi senza dati per entrambi i periodi sono esclusi)",
    "rise": "{row}: {joint}aumento maggiore di {noun} tra {start} e {end}, "
    "{diff}, da {before} a {after}",
    "fall": "{row}: {joint}calo maggiore di {noun} tra {start} e {end}, "
    "{diff}, da {before} a {after}",
    "rise_pct": "{row}: {joint}aumento percentuale maggiore di {noun}, {diff} tra {start} e "
    "{end}, da {before} a {after}",
    "joint": "a pari merito, ",
    "count_rise": "{Noun}: in aumento in {k} dei {g} {groups} tra {start} e {end}",
    "count_fall": "{Noun}: in calo in {k} dei {g} {groups} tra {start} e {end}",
    "top": "{row}: {joint}valore più alto di {noun}{when}, {n}",
    "bottom": "{row}: {joint}valore più basso di {noun}{when}, {n}",
    "followed": ", seguito da {others}",
    "outlier": "{row} spicca: {n} {noun}{when}, {ratio} volte la media di {mean} nei {g} {groups}",
    "record": "{row}: {n} {noun}{when}, il valore più alto in {k} periodi (massimo "
    "precedente: {best})",
    "share": "{part_name}: {pct} dei {whole} {noun}{when} ({which}{part} su {whole})",
    "largest": "la quota maggiore per {column}: ",
    "suppressed": "; le celle oscurate sono escluse, il dato reale può essere più alto",
    "coverage": "I dati riguardano {g} {groups} in {k} valori di {parents}",
    "combined": "{part_name} insieme: {pct} dei {whole} {noun}{when}",
    "and": " e ",
    "rate": "{Noun}{when}: {at_least}{n} ogni {per} {population}",
    "rate_top": "{row}: {joint}tasso più alto di {noun}{when}, {n} ogni {per} {population}",
    "t_outlier": "{row} spicca: {n} {noun}{when}, molto sopra la media dei {g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, il valore più alto in {k} periodi",
    "t_share": "{part_name}: {pct} dei {whole} {noun}{when}",
    "local": "{group} a confronto: {value} {noun}, il {rank} dei {of}, {share} del totale "
    "di {national}",
    "highest": "più alto",
    "groups": "gruppi",
    "group": "gruppo",
    "rate_left_out": " ({k} gruppi senza dato sulla popolazione sono esclusi)",
}

NL: Wording = {
    "total": "In {period} waren er {at_least}{n} {noun}",
    "total_alone": "In totaal waren er {at_least}{n} {noun}",
    "record_suffix": ", het hoogste van de {k} perioden",
    "when": " in {period}",
    "at_least": "ten minste ",
    "change": "{Noun} tussen {start} en {end}: {way}, van {before} naar {after}",
    "up": "een stijging van {pct}",
    "down": "een daling van {pct}",
    "same": "ongewijzigd",
    "left_out": " ({k} groepen zonder cijfers voor beide perioden zijn weggelaten)",
    "rise": "{row}: {joint}grootste stijging van {noun} tussen {start} en {end}, "
    "{diff}, van {before} naar {after}",
    "fall": "{row}: {joint}grootste daling van {noun} tussen {start} en {end}, "
    "{diff}, van {before} naar {after}",
    "rise_pct": "{row}: {joint}grootste procentuele stijging van {noun}, {diff} tussen "
    "{start} en {end}, van {before} naar {after}",
    "joint": "gedeeld, ",
    "count_rise": "{Noun}: een stijging in {k} van de {g} {groups} tussen {start} en {end}",
    "count_fall": "{Noun}: een daling in {k} van de {g} {groups} tussen {start} en {end}",
    "top": "{row}: {joint}hoogste waarde voor {noun}{when}, {n}",
    "bottom": "{row}: {joint}laagste waarde voor {noun}{when}, {n}",
    "followed": ", gevolgd door {others}",
    "outlier": "{row} springt eruit: {n} {noun}{when}, {ratio} keer het gemiddelde van "
    "{mean} over {g} {groups}",
    "record": "{row}: {n} {noun}{when}, het hoogste in {k} perioden (vorige hoogste "
    "waarde: {best})",
    "share": "{part_name}: {pct} van de {whole} {noun}{when} ({which}{part} van {whole})",
    "largest": "het grootste aandeel naar {column}: ",
    "suppressed": "; onderdrukte cellen zijn weggelaten, het werkelijke cijfer kan hoger zijn",
    "coverage": "De cijfers beslaan {g} {groups} in {k} waarden van {parents}",
    "combined": "{part_name} samen: {pct} van de {whole} {noun}{when}",
    "and": " en ",
    "rate": "{Noun}{when}: {at_least}{n} per {per} {population}",
    "rate_top": "{row}: {joint}hoogste aantal {noun} naar verhouding{when}, {n} per {per} "
    "{population}",
    "t_outlier": "{row} springt eruit: {n} {noun}{when}, ver boven het gemiddelde van de "
    "{g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, het hoogste in {k} perioden",
    "t_share": "{part_name}: {pct} van de {whole} {noun}{when}",
    "local": "{group} vergeleken: {value} {noun}, de {rank} van de {of}, {share} van het "
    "totaal van {national}",
    "highest": "hoogste",
    "groups": "groepen",
    "group": "groep",
    "rate_left_out": " ({k} groepen zonder bevolkingscijfer zijn weggelaten)",
}

PT: Wording = {
    "total": "Em {period} houve {at_least}{n} {noun}",
    "total_alone": "No total houve {at_least}{n} {noun}",
    "record_suffix": ", o valor mais alto dos {k} períodos",
    "when": " em {period}",
    "at_least": "pelo menos ",
    "change": "{Noun} entre {start} e {end}: {way}, de {before} para {after}",
    "up": "alta de {pct}",
    "down": "queda de {pct}",
    "same": "estável",
    "left_out": " ({k} grupos sem dados para os dois períodos ficam de fora)",
    "rise": "{row}: {joint}maior alta de {noun} entre {start} e {end}, "
    "{diff}, de {before} para {after}",
    "fall": "{row}: {joint}maior queda de {noun} entre {start} e {end}, "
    "{diff}, de {before} para {after}",
    "rise_pct": "{row}: {joint}maior alta percentual de {noun}, {diff} entre {start} e "
    "{end}, de {before} para {after}",
    "joint": "empatado, ",
    "count_rise": "{Noun}: alta em {k} dos {g} {groups} entre {start} e {end}",
    "count_fall": "{Noun}: queda em {k} dos {g} {groups} entre {start} e {end}",
    "top": "{row}: {joint}o valor mais alto de {noun}{when}, {n}",
    "bottom": "{row}: {joint}o valor mais baixo de {noun}{when}, {n}",
    "followed": ", seguido de {others}",
    "outlier": "{row} se destaca: {n} {noun}{when}, {ratio} vezes a média de {mean} nos "
    "{g} {groups}",
    "record": "{row}: {n} {noun}{when}, o valor mais alto em {k} períodos (máximo "
    "anterior: {best})",
    "share": "{part_name}: {pct} dos {whole} {noun}{when} ({which}{part} de {whole})",
    "largest": "a maior parcela por {column}: ",
    "suppressed": "; as células suprimidas ficam de fora, o número real pode ser maior",
    "coverage": "Os dados abrangem {g} {groups} em {k} valores de {parents}",
    "combined": "{part_name} juntos: {pct} dos {whole} {noun}{when}",
    "and": " e ",
    "rate": "{Noun}{when}: {at_least}{n} por {per} {population}",
    "rate_top": "{row}: {joint}a taxa mais alta de {noun}{when}, {n} por {per} {population}",
    "t_outlier": "{row} se destaca: {n} {noun}{when}, bem acima da média dos {g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, o valor mais alto em {k} períodos",
    "t_share": "{part_name}: {pct} dos {whole} {noun}{when}",
    "local": "{group} em comparação: {value} {noun}, o {rank} dos {of}, {share} do total "
    "de {national}",
    "highest": "mais alto",
    "groups": "grupos",
    "group": "grupo",
    "rate_left_out": " ({k} grupos sem dado de população ficam de fora)",
}

# Polish: after "z" (of) and "w" (in) the noun's case does not follow the count, so the
# patterns put counts there; where a count governs its noun, PLURALS has its forms.
PL: Wording = {
    "total": "W okresie {period}: {at_least}{n} ({noun})",
    "total_alone": "Łącznie: {at_least}{n} ({noun})",
    "record_suffix": ", najwięcej spośród {k} okresów",
    "when": " ({period})",
    "at_least": "co najmniej ",
    "change": "{Noun} między {start} a {end}: {way}, z {before} do {after}",
    "up": "wzrost o {pct}",
    "down": "spadek o {pct}",
    "same": "bez zmian",
    "left_out": " (pominięto {k} grupy bez danych za oba okresy)",
    "rise": "{row}: {joint}największy wzrost ({noun}) między {start} a {end}, "
    "{diff}, z {before} do {after}",
    "fall": "{row}: {joint}największy spadek ({noun}) między {start} a {end}, "
    "{diff}, z {before} do {after}",
    "rise_pct": "{row}: {joint}największy wzrost procentowy ({noun}), {diff} między "
    "{start} a {end}, z {before} do {after}",
    "joint": "ex aequo, ",
    "count_rise": "{Noun}: wzrost w {k} z {g} {groups} między {start} a {end}",
    "count_fall": "{Noun}: spadek w {k} z {g} {groups} między {start} a {end}",
    "top": "{row}: {joint}najwyższa wartość ({noun}){when}, {n}",
    "bottom": "{row}: {joint}najniższa wartość ({noun}){when}, {n}",
    "followed": ", a dalej {others}",
    "outlier": "{row} się wyróżnia: {n} ({noun}){when}, {ratio} razy więcej niż średnia "
    "{mean} z {g} {groups}",
    "record": "{row}: {n} ({noun}){when}, najwięcej spośród {k} okresów (poprzedni rekord: {best})",
    "share": "{part_name}: {pct} z {whole} ({noun}){when} ({which}{part} z {whole})",
    "largest": "największa część według: {column}; ",
    "suppressed": "; utajnione komórki pominięto, faktyczna liczba może być wyższa",
    "coverage": "Dane obejmują {g} ({groups}) w {k} ({parents})",
    "combined": "{part_name} łącznie: {pct} z {whole} ({noun}){when}",
    "and": " i ",
    "rate": "{Noun}{when}: {at_least}{n} na {per} ({population})",
    "rate_top": "{row}: {joint}najwyższy wskaźnik ({noun}){when}, {n} na {per} ({population})",
    "t_outlier": "{row} się wyróżnia: {n} ({noun}){when}, znacznie powyżej średniej z {g} {groups}",
    "t_record": "{row}: {n} ({noun}){when}, najwięcej spośród {k} okresów",
    "t_share": "{part_name}: {pct} z {whole} ({noun}){when}",
    "local": "{group} na tle innych: {value} ({noun}), {rank} wynik spośród {of}, {share} "
    "z łącznie {national}",
    "highest": "najwyższy",
    "groups": "grup",
    "group": "grupa",
    "rate_left_out": " (pominięto {k} grupy bez danych o ludności)",
}

#: Patterns whose words follow the count `{k}`, by CLDR plural category ("other" is the
#: table's own pattern).
PLURALS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "left_out": {"one": " ({k} {group} without figures for both periods is left out)"},
        "rate_left_out": {"one": " ({k} {group} without a population figure is left out)"},
    },
    "de": {
        "left_out": {
            "one": " ({k} {group} ohne Angaben für beide Zeiträume ist nicht berücksichtigt)"
        },
        "rate_left_out": {"one": " ({k} {group} ohne Bevölkerungszahl ist nicht berücksichtigt)"},
    },
    "fr": {
        "left_out": {"one": " ({k} {group} sans données pour les deux périodes est exclu)"},
        "rate_left_out": {"one": " ({k} {group} sans chiffre de population est exclu)"},
    },
    "es": {
        "left_out": {"one": " ({k} {group} sin datos para ambos periodos queda fuera)"},
        "rate_left_out": {"one": " ({k} {group} sin cifra de población queda fuera)"},
    },
    "it": {
        "left_out": {"one": " ({k} gruppo senza dati per entrambi i periodi è escluso)"},
        "rate_left_out": {"one": " ({k} gruppo senza dato sulla popolazione è escluso)"},
    },
    "nl": {
        "left_out": {"one": " ({k} groep zonder cijfers voor beide perioden is weggelaten)"},
        "rate_left_out": {"one": " ({k} groep zonder bevolkingscijfer is weggelaten)"},
    },
    "pt": {
        "left_out": {"one": " ({k} grupo sem dados para os dois períodos fica de fora)"},
        "rate_left_out": {"one": " ({k} grupo sem dado de população fica de fora)"},
    },
    "sv": {
        "left_out": {"one": " ({k} grupp utan siffror för båda perioderna räknas inte med)"},
        "rate_left_out": {"one": " ({k} grupp utan befolkningssiffra räknas inte med)"},
    },
    "hi": {
        "left_out": {"one": " (दोनों अवधियों के आँकड़ों के बिना {k} समूह को शामिल नहीं किया गया)"},
        "rate_left_out": {"one": " (जनसंख्या के आँकड़े के बिना {k} समूह को शामिल नहीं किया गया)"},
    },
    "pl": {
        "left_out": {
            "one": " (pominięto {k} grupę bez danych za oba okresy)",
            "few": " (pominięto {k} grupy bez danych za oba okresy)",
            "many": " (pominięto {k} grup bez danych za oba okresy)",
        },
        "rate_left_out": {
            "one": " (pominięto {k} grupę bez danych o ludności)",
            "few": " (pominięto {k} grupy bez danych o ludności)",
            "many": " (pominięto {k} grup bez danych o ludności)",
        },
    },
}

# Swedish: the label stands after "av" and "för", where its form does not change.
SV: Wording = {
    "total": "Under {period} fanns det {at_least}{n} {noun}",
    "total_alone": "Totalt fanns det {at_least}{n} {noun}",
    "record_suffix": ", den högsta nivån av de {k} perioderna",
    "when": " under {period}",
    "at_least": "minst ",
    "change": "{Noun} mellan {start} och {end}: {way}, från {before} till {after}",
    "up": "en ökning med {pct}",
    "down": "en minskning med {pct}",
    "same": "oförändrat",
    "left_out": " ({k} grupper utan siffror för båda perioderna räknas inte med)",
    "rise": "{row}: {joint}störst ökning av {noun} mellan {start} och {end}, "
    "{diff}, från {before} till {after}",
    "fall": "{row}: {joint}störst minskning av {noun} mellan {start} och {end}, "
    "{diff}, från {before} till {after}",
    "rise_pct": "{row}: {joint}störst procentuell ökning av {noun}, {diff} mellan {start} "
    "och {end}, från {before} till {after}",
    "joint": "delad förstaplats, ",
    "count_rise": "{Noun}: en ökning i {k} av {g} {groups} mellan {start} och {end}",
    "count_fall": "{Noun}: en minskning i {k} av {g} {groups} mellan {start} och {end}",
    "top": "{row}: {joint}högsta värdet för {noun}{when}, {n}",
    "bottom": "{row}: {joint}lägsta värdet för {noun}{when}, {n}",
    "followed": ", följt av {others}",
    "outlier": "{row} sticker ut: {n} {noun}{when}, {ratio} gånger genomsnittet på {mean} "
    "för {g} {groups}",
    "record": "{row}: {n} {noun}{when}, den högsta nivån på {k} perioder (tidigare "
    "högstanivå: {best})",
    "share": "{part_name}: {pct} av de {whole} {noun}{when} ({which}{part} av {whole})",
    "largest": "största andelen efter {column}: ",
    "suppressed": "; dolda celler räknas inte med, den verkliga siffran kan vara högre",
    "coverage": "Siffrorna omfattar {g} {groups} fördelade på {k} värden för {parents}",
    "combined": "{part_name} tillsammans: {pct} av de {whole} {noun}{when}",
    "and": " och ",
    "rate": "{Noun}{when}: {at_least}{n} per {per} {population}",
    "rate_top": "{row}: {joint}högst nivå av {noun} i förhållande till befolkningen{when}, "
    "{n} per {per} {population}",
    "t_outlier": "{row} sticker ut: {n} {noun}{when}, långt över genomsnittet för de {g} {groups}",
    "t_record": "{row}: {n} {noun}{when}, den högsta nivån på {k} perioder",
    "t_share": "{part_name}: {pct} av de {whole} {noun}{when}",
    "local": "{group} i jämförelse: {value} {noun}, rankat som {rank} av {of}, {share} av "
    "totalt {national}",
    "highest": "högsta",
    "groups": "grupper",
    "group": "grupp",
    "rate_left_out": " ({k} grupper utan befolkningssiffra räknas inte med)",
}

# Japanese: no plural and no spaces; the period and noun lead ("2020のcasesは…"), brackets
# are full-width, and a sentence ends in "。" (STOPS).
JA: Wording = {
    "total": "{period}の{noun}は{at_least}{n}",
    "total_alone": "{noun}は合計で{at_least}{n}",
    "record_suffix": "で、{k}期間で最多",
    "when": "{period}の",
    "at_least": "少なくとも",
    "change": "{start}から{end}にかけての{noun}は{before}から{after}へ、{way}",
    "up": "{pct}増",
    "down": "{pct}減",
    "same": "横ばい",
    "left_out": "（両期間の数値がない{k}グループは除外）",
    "rise": "{start}から{end}にかけて{noun}の増加が{joint}最も大きかったのは{row}で、{diff}"
    "（{before}から{after}）",
    "fall": "{start}から{end}にかけて{noun}の減少が{joint}最も大きかったのは{row}で、{diff}"
    "（{before}から{after}）",
    "rise_pct": "{start}から{end}にかけて{noun}の増加率が{joint}最も高かったのは{row}で、"
    "{diff}（{before}から{after}）",
    "joint": "同率で",
    "count_rise": "{start}から{end}にかけて{noun}が増加したのは{g}{groups}中{k}{groups}",
    "count_fall": "{start}から{end}にかけて{noun}が減少したのは{g}{groups}中{k}{groups}",
    "top": "{when}{noun}が{joint}最も多かったのは{row}で{n}",
    "bottom": "{when}{noun}が{joint}最も少なかったのは{row}で{n}",
    "followed": "、次いで{others}",
    "outlier": "{row}は{when}{noun}が{n}と突出しており、{g}{groups}の平均{mean}の{ratio}倍",
    "record": "{row}の{when}{noun}は{n}で、{k}期間で最多（これまでの最多は{best}）",
    "share": "{when}{noun}の合計{whole}のうち{part_name}が{pct}を占めた（{which}{part}、"
    "全体{whole}）",
    "largest": "{column}別で最大：",
    "suppressed": "（秘匿された値は含まないため、実際の数値はこれより大きい可能性がある）",
    "coverage": "数値は{parents}の{k}区分にわたる{g}{groups}を対象としている",
    "combined": "{when}{noun}の合計{whole}のうち、{part_name}の合計が{pct}を占めた",
    "and": "と",
    "rate": "{when}{noun}は{population}{per}あたり{at_least}{n}",
    "rate_top": "{when}{population}{per}あたりの{noun}が{joint}最も多かったのは{row}で{n}",
    "t_outlier": "{row}は{when}{noun}が{n}と突出しており、{g}{groups}の平均を大きく上回る",
    "t_record": "{row}の{when}{noun}は{n}で、{k}期間で最多",
    "t_share": "{when}{noun}の合計{whole}のうち{part_name}が{pct}を占めた",
    "local": "{group}の比較：{noun}は{value}で{of}グループ中{rank}水準、全体{national}の{share}",
    "highest": "高い",
    "groups": "グループ",
    "group": "グループ",
    "rate_left_out": "（人口の数値がない{k}グループは除外）",
}

# Hindi: counts stand before postpositions, so "groups" is the oblique plural ("5 समूहों
# में से 4"); the noun is the dataset's label, which no verb has to agree with.
HI: Wording = {
    "total": "{period} में {noun} की संख्या {at_least}{n} रही",
    "total_alone": "{noun} की कुल संख्या {at_least}{n} रही",
    "record_suffix": ", जो {k} अवधियों में सबसे अधिक है",
    "when": " ({period})",
    "at_least": "कम से कम ",
    "change": "{start} और {end} के बीच {noun}: {way}, {before} से {after}",
    "up": "{pct} की वृद्धि",
    "down": "{pct} की गिरावट",
    "same": "अपरिवर्तित",
    "left_out": " (दोनों अवधियों के आँकड़ों के बिना {k} समूहों को शामिल नहीं किया गया)",
    "rise": "{row}: {start} और {end} के बीच {noun} में {joint}सबसे बड़ी वृद्धि, {diff}, "
    "{before} से {after}",
    "fall": "{row}: {start} और {end} के बीच {noun} में {joint}सबसे बड़ी गिरावट, {diff}, "
    "{before} से {after}",
    "rise_pct": "{row}: {noun} में {joint}सबसे बड़ी प्रतिशत वृद्धि, {start} और {end} के "
    "बीच {diff}, {before} से {after}",
    "joint": "संयुक्त रूप से ",
    "count_rise": "{Noun}: {start} और {end} के बीच {g} {groups} में से {k} में वृद्धि",
    "count_fall": "{Noun}: {start} और {end} के बीच {g} {groups} में से {k} में गिरावट",
    "top": "{row}: {joint}सबसे अधिक {noun}{when}, {n}",
    "bottom": "{row}: {joint}सबसे कम {noun}{when}, {n}",
    "followed": ", इसके बाद {others}",
    "outlier": "{row} सबसे अलग: {n} {noun}{when}, {g} {groups} के औसत {mean} का {ratio} गुना",
    "record": "{row}: {n} {noun}{when}, {k} अवधियों में सबसे अधिक (पिछला सर्वाधिक: {best})",
    "share": "{part_name}: {whole} {noun}{when} में से {pct} ({which}{whole} में से {part})",
    "largest": "{column} के अनुसार सबसे बड़ा हिस्सा: ",
    "suppressed": "; छिपाए गए मान शामिल नहीं हैं, इसलिए वास्तविक आँकड़ा अधिक हो सकता है",
    "coverage": "आँकड़े {parents} के {k} मानों में फैले {g} {groups} के हैं",
    "combined": "{part_name} मिलकर: {whole} {noun}{when} में से {pct}",
    "and": " और ",
    "rate": "{Noun}{when}: प्रति {per} {population} पर {at_least}{n}",
    "rate_top": "{row}: {noun}{when} की {joint}सबसे ऊँची दर, प्रति {per} {population} पर {n}",
    "t_outlier": "{row} सबसे अलग: {n} {noun}{when}, {g} {groups} के औसत से काफ़ी ऊपर",
    "t_record": "{row}: {n} {noun}{when}, {k} अवधियों में सबसे अधिक",
    "t_share": "{part_name}: {whole} {noun}{when} में से {pct}",
    "local": "{group} की तुलना: {value} {noun}, {of} में {rank}, कुल {national} का {share}",
    "highest": "अधिक",
    "groups": "समूहों",
    "group": "समूह",
    "rate_left_out": " (जनसंख्या के आँकड़े के बिना {k} समूहों को शामिल नहीं किया गया)",
}

#: What ends an angle sentence, where it is not "." (Hindi's danda, as its layout words).
STOPS: dict[str, str] = {"ja": "。", "hi": "।"}
