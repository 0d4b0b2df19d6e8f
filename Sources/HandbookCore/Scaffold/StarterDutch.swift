//! The Dutch sample that `handbook init --language nl` writes: the same five tips, in Dutch.

extension HandbookStarter {
    static let dutch: [(path: String, text: String)] = [
        ("content/handbook.yml", """
        title: Ons klantenhandboek
        subtitle: Kleine tips waar ons team zich aan houdt
        language: nl
        introduction: |
          Korte, praktische tips om klanten goed te helpen, elk met één idee en één ding om
          deze week te proberen. Dit is een voorbeeld: verander de woorden, houd de vorm, en
          voeg je eigen tips toe met `handbook new tip "Titel" --chapter 1 --themes empathy`.

          Elke tip hoort bij een hoofdstuk en draagt een of meer [thema's](theme:empathy).
          Begin bij [het eerste hoofdstuk](chapter:1).
        # De thema's waarmee elke tip wordt gemerkt. Verander ze vrij: een tip gebruikt alleen deze slugs.
        themes:
          - slug: leadership
            title: Leiderschap
            description: De keuzes die leidinggevenden elke dag maken, en de cultuur die daaruit groeit.
          - slug: empathy
            title: Empathie
            description: Empathie die in regels, scripts en systemen zit, niet overgelaten aan helden.
          - slug: flywheel
            title: Vliegwiel
            description: Zes stappen die goede service omzetten in loyaliteit, van gemak tot gemeenschap.
          - slug: never-normal
            title: Never normal
            description: Goed handelen terwijl alles rond de klant blijft veranderen.
        # De stappen van het vliegwiel, op volgorde: een tip noemt zijn stap met `flywheel_step: N`.
        flywheel:
          - Maak het leven van de klant makkelijk
          - Zeg open wat de klant kan verwachten
          - Los problemen op en neem de pijn weg
          - Behandel elke klant als een segment van één
          - Zorg voor een positieve emotie
          - Bouw een gemeenschap van enthousiaste klanten

        """),
        ("content/chapters/01-eerste-contact.md", """
        ---
        number: 1
        title: Eerste contact
        part: Aan de slag
        summary: Wat een klant als eerste tegenkomt, en hoe je dat laat tellen.
        ---
        Het eerste antwoord dat een klant krijgt, zegt wat hij van alles daarna kan verwachten.
        De tips in dit hoofdstuk gaan over dat eerste moment: antwoorden op wat gevraagd werd,
        zeggen wanneer je terugbelt, en de persoon aan de telefoon het laten oplossen.

        """),
        ("content/chapters/02-klanten-houden.md", """
        ---
        number: 2
        title: Klanten houden
        part: Aan de slag
        summary: Kleine gewoonten waardoor klanten terugkomen.
        ---
        Klanten blijven waar het leven makkelijk is en waar het steeds een beetje beter wordt.
        Dit hoofdstuk heeft daar twee gewoonten voor: de makkelijke weg de gewone weg maken, en
        elke maand één ding veranderen.

        """),
        ("content/tips/001-antwoord-op-de-vraag-die-gesteld-is.md", """
        ---
        number: 1
        title: Antwoord op de vraag die gesteld is
        chapter: 1
        themes: [empathy]
        related: [2, 3]
        summary: Lees het bericht van de klant twee keer en beantwoord precies dat, voor al het andere.
        ---
        Een klant die vraagt "wanneer komt mijn bestelling?" wil het retourbeleid niet lezen.
        Lees het bericht twee keer, beantwoord de vraag in de eerste zin, en voeg pas daarna
        toe wat verder nog nuttig is.

        Een tip is een Markdown-bestand in `content/tips/`: de regels tussen de twee `---` zijn
        de front matter (nummer, titel, hoofdstuk, thema's, verwante tips, samenvatting), de
        rest is de tekst. Een link naar een andere tip schrijf je met zijn nummer, zoals
        [zeg wanneer je terugbelt](tip:2); de site maakt er het juiste adres van.

        **Probeer dit:** Lees deze week je laatste tien antwoorden aan klanten terug en markeer
        elk antwoord waarvan de eerste zin de vraag beantwoordt.

        **Zo merk je het:** Minder klanten schrijven een tweede keer om hetzelfde te vragen.

        """),
        ("content/tips/002-zeg-wanneer-je-terugbelt.md", """
        ---
        number: 2
        title: Zeg wanneer je terugbelt
        chapter: 1
        themes: [flywheel]
        related: [1, 4]
        summary: Geef elke klant die wacht een tijdstip, en bel voordat het voorbij is.
        flywheel_step: 2
        ---
        Wachten is makkelijker als je weet hoe lang. "We bellen u voor vier uur terug" maakt van
        een open zorg een afspraak. Bel voor dat tijdstip, ook als je nog geen nieuws hebt.

        Deze tip hoort bij de tweede stap van het vliegwiel (`flywheel_step: 2`): zijn pagina
        noemt die stap, en de pagina van het thema vliegwiel zet hem onder die stap.

        **Probeer dit:** Spreek als team één zin af die een tijdstip noemt, en gebruik die bij
        elk gesprek dat eindigt met een belofte.

        **Zo merk je het:** Tel de gesprekken die beginnen met "Ik bel nog eens over…": binnen
        een maand zouden het er minder moeten zijn.

        """),
        ("content/tips/003-laat-de-eerste-persoon-het-oplossen.md", """
        ---
        number: 3
        title: Laat de eerste persoon het oplossen
        chapter: 1
        themes: [leadership, empathy]
        related: [1]
        summary: Geef wie klanten te woord staat het recht om kleine problemen meteen op te lossen.
        ---
        Bij elke overdracht moet een klant zijn verhaal opnieuw vertellen. Spreek samen af tot
        welk bedrag, of bij welke soorten problemen, de eerste persoon het gewoon mag
        rechtzetten zonder iemand iets te vragen.

        Een tip kan meer thema's dragen (`themes: [leadership, empathy]`): hij staat dan op de
        pagina van elk thema, en de verwante tips (`related: [1]`) staan aan het eind.

        **Probeer dit:** Schrijf de drie problemen op die je team het vaakst doorgeeft, en spreek
        af welke daarvan de eerste persoon vanaf maandag alleen mag oplossen.

        **Zo merk je het:** Minder overdrachten in je ticketsysteem, en een snellere oplossing
        voor die drie problemen.

        """),
        ("content/tips/004-maak-de-makkelijke-weg-de-gewone-weg.md", """
        ---
        number: 4
        title: Maak de makkelijke weg de gewone weg
        chapter: 2
        themes: [flywheel]
        related: [2, 5]
        summary: Wat de meeste klanten kiezen, gebeurt vanzelf, tenzij ze iets anders zeggen.
        flywheel_step: 1
        ---
        Kijk naar de keuzes die een klant moet maken om bij je te kopen of om hulp te krijgen.
        Waar bijna iedereen hetzelfde antwoord kiest, maak je dat de standaard en laat je de
        enkeling het veranderen.

        De eerste stap van het vliegwiel gaat voor de andere: een klant wiens leven je moeilijker
        maakt, win je later niet terug met een leuke verrassing (zie [tip 2](tip:2) voor de
        volgende stap).

        **Probeer dit:** Kies één formulier of één telefoonmenu en schrap één vraag die bijna
        elke klant op dezelfde manier beantwoordt.

        **Zo merk je het:** Meer klanten maken het formulier af, of minder kiezen "overig" in
        het menu.

        """),
        ("content/tips/005-verander-elke-maand-een-ding.md", """
        ---
        number: 5
        title: Verander elke maand één ding
        chapter: 2
        themes: [never-normal, leadership]
        related: [4]
        summary: Een kleine verandering per maand houdt een team gewend aan verandering, voordat die wordt opgelegd.
        ---
        Wat klanten verwachten, blijft bewegen. Een team dat elke maand één klein ding verandert,
        en zegt wat het ervan leerde, vindt de volgende verandering makkelijker dan een team dat
        wacht op een grote.

        Links kunnen ook naar een hoofdstuk wijzen ([eerste contact](chapter:1)) of naar een thema
        ([never normal](theme:never-normal)). Draai `handbook check` na elke wijziging: het meldt
        een kapotte link of een onbekend thema met bestand, regel en kolom.

        **Probeer dit:** Kies aan het eind van het teamoverleg van deze maand één verandering voor
        volgende maand, en één persoon die erop let.

        **Zo merk je het:** Na drie maanden kan het team drie veranderingen noemen en wat elk
        ervan voor klanten deed.

        """),
        ("README.md", """
        # Ons klantenhandboek

        Een handboek met tips, gemaakt met Handbook: Markdown in `content/`, een website in `site/`.

        - **Schrijven**: één bestand per tip in `content/tips/`; begin er een met
          `handbook new tip "Titel" --chapter 1 --themes empathy`. De hoofdstukken staan in
          `content/chapters/`, de titel en de thema's in `content/handbook.yml`.
        - **Controleren**: `handbook check` noemt elk probleem met bestand, regel en kolom
          (`--format github` of `--format gitlab` voor CI).
        - **Bekijken**: `handbook serve`, en open dan het adres dat het toont; elke pagina laadt
          opnieuw zodra je opslaat.
        - **Bouwen**: `handbook build` schrijft de site in `site/` (door `.gitignore` buiten git
          gehouden); `handbook booklet` voegt een afdrukbare pdf toe (daarvoor is WeasyPrint nodig).
        - **Publiceren**: kopieer `site/` naar een webserver of statische host, in de root of
          onder een submap; de pagina's openen ook rechtstreeks vanaf schijf.
        - **Het uiterlijk aanpassen**: een bestand in `themes/default/` vervangt het bestand met
          dezelfde naam van het ingebouwde thema (`assets/handbook.css` voor de kleuren);
          `handbook theme copy` schrijft daar het hele ingebouwde thema.

        """),
        (".gitignore", """
        site/

        """),
    ]
}
