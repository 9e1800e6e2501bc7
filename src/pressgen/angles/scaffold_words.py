"""The hints a first campaign from `pressgen new` leaves for the press officer, in the
release's language. Each follows the PLACEHOLDER marker (which `pressgen lint` flags in
any language) and says what to write in its place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScaffoldWords:
    """What each placeholder asks for; `press_office` and `spokesperson` are roles."""

    publisher: str
    headline: str
    subhead: str
    dateline: str
    organisation: str
    boilerplate: str
    notes: str
    name: str
    press_office: str
    spokesperson: str
    quote: str


_EN = ScaffoldWords(
    publisher="who published these figures",
    headline="a headline from the first paragraph",
    subhead="one line that says why this matters",
    dateline="the town or city",
    organisation="organisation",
    boilerplate="two sentences about the organisation.",
    notes="anything editors need to know about the figures.",
    name="name",
    press_office="Press Office",
    spokesperson="Spokesperson",
    quote="what the spokesperson says about these figures.",
)

SCAFFOLD_WORDS: dict[str, ScaffoldWords] = {
    "en": _EN,
    "de": ScaffoldWords(
        publisher="wer diese Zahlen veröffentlicht hat",
        headline="eine Überschrift aus dem ersten Absatz",
        subhead="eine Zeile, warum das wichtig ist",
        dateline="der Ort",
        organisation="Organisation",
        boilerplate="zwei Sätze über die Organisation.",
        notes="was Redaktionen über die Zahlen wissen müssen.",
        name="Name",
        press_office="Pressestelle",
        spokesperson="Sprecherin oder Sprecher",
        quote="was die Sprecherin oder der Sprecher zu diesen Zahlen sagt.",
    ),
    "fr": ScaffoldWords(
        publisher="qui a publié ces chiffres",
        headline="un titre tiré du premier paragraphe",
        subhead="une ligne qui dit pourquoi c’est important",
        dateline="la ville",
        organisation="organisation",
        boilerplate="deux phrases sur l’organisation.",
        notes="ce que les rédactions doivent savoir sur les chiffres.",
        name="nom",
        press_office="Service de presse",
        spokesperson="Porte-parole",
        quote="ce que dit le ou la porte-parole de ces chiffres.",
    ),
    "es": ScaffoldWords(
        publisher="quién publicó estas cifras",
        headline="un titular sacado del primer párrafo",
        subhead="una línea que diga por qué importa",
        dateline="la ciudad",
        organisation="organización",
        boilerplate="dos frases sobre la organización.",
        notes="lo que las redacciones deben saber sobre las cifras.",
        name="nombre",
        press_office="Gabinete de prensa",
        spokesperson="Portavoz",
        quote="lo que dice el o la portavoz sobre estas cifras.",
    ),
    "it": ScaffoldWords(
        publisher="chi ha pubblicato questi dati",
        headline="un titolo tratto dal primo paragrafo",
        subhead="una riga che spieghi perché conta",
        dateline="la città",
        organisation="organizzazione",
        boilerplate="due frasi sull’organizzazione.",
        notes="ciò che le redazioni devono sapere sui dati.",
        name="nome",
        press_office="Ufficio stampa",
        spokesperson="Portavoce",
        quote="ciò che il o la portavoce dice di questi dati.",
    ),
    "nl": ScaffoldWords(
        publisher="wie deze cijfers heeft gepubliceerd",
        headline="een kop uit de eerste alinea",
        subhead="één regel over waarom dit ertoe doet",
        dateline="de plaats",
        organisation="organisatie",
        boilerplate="twee zinnen over de organisatie.",
        notes="wat redacties over de cijfers moeten weten.",
        name="naam",
        press_office="Persvoorlichting",
        spokesperson="Woordvoerder",
        quote="wat de woordvoerder over deze cijfers zegt.",
    ),
    "pt": ScaffoldWords(
        publisher="quem publicou estes números",
        headline="um título tirado do primeiro parágrafo",
        subhead="uma linha que diga por que isto importa",
        dateline="a cidade",
        organisation="organização",
        boilerplate="duas frases sobre a organização.",
        notes="o que as redações precisam saber sobre os números.",
        name="nome",
        press_office="Assessoria de imprensa",
        spokesperson="Porta-voz",
        quote="o que o ou a porta-voz diz sobre estes números.",
    ),
    "sv": ScaffoldWords(
        publisher="vem som publicerade siffrorna",
        headline="en rubrik ur första stycket",
        subhead="en rad om varför det här spelar roll",
        dateline="orten",
        organisation="organisation",
        boilerplate="två meningar om organisationen.",
        notes="det redaktionerna behöver veta om siffrorna.",
        name="namn",
        press_office="Presstjänst",
        spokesperson="Talesperson",
        quote="vad talespersonen säger om siffrorna.",
    ),
    "pl": ScaffoldWords(
        publisher="kto opublikował te dane",
        headline="tytuł z pierwszego akapitu",
        subhead="jedno zdanie o tym, dlaczego to ważne",
        dateline="miejscowość",
        organisation="organizacja",
        boilerplate="dwa zdania o organizacji.",
        notes="co redakcje powinny wiedzieć o danych.",
        name="imię i nazwisko",
        press_office="Biuro prasowe",
        spokesperson="Rzecznik prasowy",
        quote="co rzecznik mówi o tych danych.",
    ),
    "ja": ScaffoldWords(
        publisher="この数値の公表元",
        headline="第1段落から取った見出し",
        subhead="なぜ重要かを一行で",
        dateline="都市名",
        organisation="団体名",
        boilerplate="団体についての2文。",
        notes="記者が数値について知っておくべきこと。",
        name="氏名",
        press_office="広報室",
        spokesperson="広報担当者",
        quote="広報担当者がこの数値について述べること。",
    ),
    "hi": ScaffoldWords(
        publisher="ये आँकड़े किसने प्रकाशित किए",
        headline="पहले अनुच्छेद से एक शीर्षक",
        subhead="एक पंक्ति कि यह क्यों मायने रखता है",
        dateline="शहर",
        organisation="संगठन",
        boilerplate="संगठन के बारे में दो वाक्य।",
        notes="आँकड़ों के बारे में संपादकों को क्या जानना चाहिए।",
        name="नाम",
        press_office="प्रेस कार्यालय",
        spokesperson="प्रवक्ता",
        quote="प्रवक्ता इन आँकड़ों के बारे में क्या कहते हैं।",
    ),
}


def scaffold_words(language: str) -> ScaffoldWords:
    """The hints in `language`, or in English for a language without its own."""
    return SCAFFOLD_WORDS.get(language, _EN)
