//! Swedish words with å, ä or ö that minutes use, for repairing OCR text.
//!
//! Each entry is matched against a whole word, or as a pattern:
//! - `ord` — the whole word;
//! - `ord*` — the start of a word (`frågor*` in `frågorna`);
//! - `*ord*` — anywhere in a compound (`*område*` in `lokalpolisområde`);
//! - `*ord` — the end of a word (`*ström` in `Bjelkström`).
//!
//! A capitalised entry is a proper noun and only matches a capitalised word.
//! Earlier entries win when two match the same word (`för` before `får`).
//! Stems are chosen so that no plain Swedish word without å, ä, ö starts with
//! what they become when the dots fall off: `stärka*` rather than `stärk*`
//! (`stark`), `fältassistent*` rather than `fält*` (`filter`).

#[rustfmt::skip]
pub(super) const LEXICON: &[&str] = &[
    // Short words, most frequent first.
    "är", "år", "året", "åren", "års", "årets", "årens", "på", "för", "från", "då", "så", "när", "där", "än",
    "nå", "når", "nått", "gå", "går", "gått", "få", "får", "fått", "gör", "görs", "göra", "stå",
    "står", "även", "ändå", "ännu", "också", "både", "två", "någon", "något", "några", "någonting", "många",
    "måste", "mål", "målet", "målen", "bör", "hör", "hörs", "höra", "här", "vår", "vårt", "våra", "våren",
    "vårens", "höst", "hösten", "höstens", "sådan", "sådant", "sådana", "såsom", "såväl", "således", "såg",
    "därför", "därmed", "därefter", "därtill", "därav", "däremot", "härmed", "härefter", "hänt", "händer",
    "hända", "inför", "före", "förr", "förra", "förbi", "först", "första", "förste", "över", "öka", "ökar",
    "ökat", "ökad", "ökade", "ökning*", "öppen", "öppet", "öppna*", "börja", "börjar", "började", "början",
    "åt", "åtminstone", "sätt", "sättet", "sätten", "sätta", "sätter", "säger", "sägs", "själv", "själva",
    "självklart", "skäl", "skälet", "väg", "vägen", "vägar", "väl", "mötas", "träffas", "ända", "bästa",
    "bäst", "bättre", "större", "störst", "stöd", "stödet", "stödja", "stödjer", "hög", "höga", "högt",
    "högre", "högst", "lägre", "lägst", "lång", "långa", "långt", "längre", "bägge", "båda", "läge", "läget",
    "lägga", "lägger", "läggs", "läsa", "läser", "läsning", "ställa", "ställer", "ställs", "ställt",
    "gäller", "gälla", "gällande", "gällt", "gällde", "väntas", "vänta", "väntar", "väntat", "råd", "rådet",
    "rådets", "fält", "fältet", "fälten", "våld", "våldet", "tätare", "tät", "gång", "gången", "gånger",
    "igång", "nästa", "möte", "möten", "mötet", "mötets", "hälsa", "hälsan", "äldre", "ärende", "ärendet",
    "ärenden", "ärendena", "åka", "åker", "behöver", "behövs", "behövde", "behövt", "behöva", "behövas",
    "behövande", "fråga", "frågan", "frågor", "frågorna", "gräns", "gränsen", "gränser", "kväll", "kvällen",
    "kvällar", "kvälls", "stärka", "stärkas", "stärker", "stärkt", "träffa", "träffar", "hålla", "håller",
    "hålls", "höll", "tjänst", "tjänsten",
    // Meetings and minutes.
    "mötes*", "nästkommande", "närvar*", "närvaro", "frånvar*", "övrig*", "övriga", "frågor*", "fråge*",
    "ordförande*", "ledamöter*", "ersättare*", "ersätta*", "ersätter", "tjänstgör*", "tjänstemän*",
    "tjänsteman*", "tjänsteperson*", "föredrag*", "föregående", "förslag*", "föreslå*",
    "föreslog*", "förklar*", "förtydlig*", "godkänn*", "godkänd*", "godkänt", "återkoppl*", "återrapport*",
    "återkomm*", "återstå*", "åter", "påminn*", "påtal*", "påpeka*", "påbörj*", "pågå*", "påverk*",
    "uppfölj*", "*uppföljning*", "följa", "följs", "följer", "följt", "följd", "följande", "fortsätter",
    "fortsättning*", "fastställ*", "sammanställ*", "anställ*", "beställ*", "framställ*", "föreställ*",
    "ställning*", "utvärder*", "genomför*", "förbered*", "förankr*", "förstå*", "förståelse*", "förläng*",
    "förväntning*", "förvänta*", "förändr*", "förbättr*", "förhåll*", "förhopp*", "förfog*", "förmedl*",
    "förmåga*", "förmån*", "förtroende*", "förteckning*", "förnya*", "förhinder", "förutsättning*",
    "*förutsättning*", "förvaltning*", "*förvaltning*", "förening*", "*förening*", "företag*", "*företag*",
    "företräd*", "förebygg*", "*förebygg*", "förebild*", "förskol*", "*förskol*", "förbund*", "försök*",
    "förstärk*", "fördelning*", "*fördelning*", "föräldra*", "föräldrar*", "förälder", "innebär*",
    "innehåll*", "*innehåll*", "åtgärd*", "*åtgärd*", "åtagande*", "åtar", "ålder*", "ålders*", "åldrar",
    "årlig*", "årshjul*", "årsvis", "årsskifte*", "årsmöte*", "årsrapport*", "skolår*", "läsår", "läsåret",
    "läsårets", "läsåren", "framåt*", "*framåt*", "tilläggsträff*", "nätverksträff*", "uppföljningsträff*",
    "informationsträff*", "dialogträff*", "föräldraträff*", "*smöte*", "*gruppmöte*", "kvälls*", "läges*",
    "lägesbild*", "*lägesbild*", "händelse*", "*händelse*", "hänsyn*", "mätning*", "lagändring*", "ändring*",
    "ändras", "ändrad*", "använd*", "möjlig*", "*möjlig*", "omöjlig*", "upprätt*", "uppmärksam*", "upplägg*",
    "tillägg*", "tillträd*", "tillåt*", "tillämp*", "tillgång*", "tillgänglig*", "genomgång*", "*övergång*",
    "övergrip*", "*övergrip*", "överens*", "*överenskommelse*", "övervak*", "översyn*", "översikt*",
    "överlämn*", "*löfte*", "löften", "*område*", "*områden*", "samhälle*", "*samhälle*", "*hälso*",
    "hälso*", "*hälsa", "folkhälsa*", "träff*", "*möjlighet*", "säkerhet*", "*säkerhet*", "säkerställ*",
    "*tjänst*", "räddning*", "kväll*", "tätort*", "*tätort*", "tvärgrupp*", "tvärsektoriell*",
    "fältassistent*", "fältar*", "fältgrupp*", "*fältare*", "vårdnadshavare*", "vårdcentral*", "*sjukvård*",
    "vården", "värde", "värdet", "värden", "värdeskapande", "värdegrund*", "värdering*", "våldsvåg*",
    "våldsbejak*", "våldsutsatt*", "*våldsvåg*", "åldersgräns*", "livesändning*", "sändning*",
    "medvetandegör*", "fortlöp*", "löpande", "*löpande", "aktör*", "nämnd*", "*nämnd*", "styrelsemöte*",
    "kommunalråd*", "trygghetsråd*", "*rådet", "*rådets", "ungdomsråd*", "pensionärsråd*", "oppositionsråd*",
    "näringsliv*", "närings*", "närpolis*", "närhet*", "närmare", "närmast*", "ungdomsgård*", "fritidsgård*",
    "gården", "gårdar", "nedskräp*", "skadegörelse*", "hämta*", "*ställning*", "civilsamhälle*", "måndag*",
    "lördag*", "söndag*", "månad*", "skärgård*", "*ändamål*", "ändamål*", "målgrupp*",
    "*målgrupp*", "målsättning*", "*målsättning*", "välkom*", "välfärd*", "*välfärd*", "långsiktig*",
    "särskild*", "särskilt", "ungefär", "påskliv*", "jämställd*",
    "*jämställd*", "jämför*", "mångfald*", "brådsk*", "tjänstemannaberedning*", "lösning*", "*lösning*",
    "lösa", "löser", "löses", "möjliggör*", "räkn*", "kännedom", "känner", "känns", "känsla*", "ämne*",
    "äldreomsorg*", "äldreboende*", "*äldreboende*", "ansök*", "bostäder*", "underhåll*", "*underhåll*",
    "länsstyrelse*", "årsredovisning*", "delårsrapport*", "åter*", "*förslag*", "bordlägg*", "jäv",
    "förtroendevald*", "*förtroendevald*", "välja", "väljer", "överskott*", "*förbund*", "önskemål*",
    "önskar", "önskas",
    // More everyday words, and their stems (none of which, without its
    // dots, starts a plain word: `rörelse*`, not `rör*`, which `rorig` is).
    "rör", "röra", "rörs", "rörde", "rörelse*", "anmäla", "anmäler", "anmälde", "anmält", "anmälan",
    "anmälning*", "*anmälning*", "skärmtid*", "sömn", "sömnen", "gräsbrand*", "gräsbränder", "mörkret",
    "mörkrets", "mörker", "tonåring*", "tonåren", "ägare", "ägaren", "hänger", "hänga", "lärare*", "läkare*",
    "lönsam*", "nämner", "nämnde", "nödvändig*", "olämplig*", "lämplig*", "lämna", "lämnar", "lämnade",
    "lämnas", "räcker", "rättighet*", "rädda*", "säkert", "säkra", "sänder", "sändes",
    "skötas", "sköter", "skötte", "svårt", "svåra", "svårig*", "säsong*", "tänker", "tänkt", "tänka",
    "vårdnad*", "väder", "vädret", "värmen", "äntligen", "ärlig*", "önskvärd*",
    "påsklov*", "sjuksköt*", "skolsköt*", "sköterska*", "stämning*", "stänga", "stänger", "stängd*",
    "ställe", "stället", "sträcka*", "utföra", "utför", "utförs", "utfört", "utförd*", "åhörare*",
    "återbesök*", "åtskillig*", "fåtal*", "färre", "färdig*", "följ", "föreläs*", "förmiddag*",
    "förstås", "förut", "gärna", "hämtar", "hänvis*", "kläder", "kvällstid*", "lätt",
    "lättare", "lättast", "mötesplats*", "nästan", "närstående*", "oroanmäl*", "busshållplats*",
    "*hållplats*", "hållplats*", "brännbar*", "dagsläge*",
    "lägesrapport*", "grönområde*", "*grönområde*", "kärnverksamhet*", "körkort*", "värdegrund",
    // Everyday words of a council's work, checked against a Swedish word
    // list: none of them, without its dots, is (or starts, or ends) a plain
    // word. `fört`, `främst`, `gås`, `sätt` are left out: `fort`, `framst`,
    // `gas`, `satt` are words too.
    "besök*", "*besök*", "främja*", "främmande",
    "järnväg*", "*direktör", "*direktören", "*direktörer", "gångtunnel*", "årskurs*", "beräkn*",
    "*beräkn*", "*kvällar*", "sammanträd*", "älsk*", "själv*", "väldigt", "värld*", "tävling*",
    "träning*", "lärande", "försäkr*", "förhindr*", "grön*", "tjäna*", "länet", "länets",
    "förklaring*", "bemöt*", "*stödet", "*mötet", "nöjd*", "höja", "höjer", "höjs", "höjt",
    "höjning*", "söka", "söker", "sökt", "ansökan", "möjligen", "förhoppningsvis", "försämr*",
    "påminnelse*", "återvinning*", "räddningstjänst*", "brandkår*", "förbättring*",
    "*förbättring*",
    // Common Swedish names with å, ä or ö.
    "Göran", "Jörgen", "Jöran", "Håkan", "Pär", "Björn", "Måns", "Märta", "Gösta", "Örjan", "Östen",
    "Sören", "Jöns", "Börje", "Göte", "Sjödin", "Björk", "Björklund", "Åkesson", "Öhman", "Östlund",
    "Höglund", "Hägglund", "Näslund", "Åslund", "Åhlund", "Strömberg", "Sjöström", "Söderström",
    "Nyström", "Lindström", "Engström", "Sandström", "Holmström", "Bergström", "Lundström", "Wikström",
    "Sundström", "Forsström", "Hedström", "Dahlström", "Bäckström", "Bäckman", "Löfstedt", "Fröjd",
    "Järvholm", "Järvinen", "Sjölund", "Sjödahl", "Söderlund", "Björkman",
    // Places, names.
    "Ånge", "Ångermanland*", "Västernorrland*", "Västerbotten*", "Jämtland*", "Härnösand*", "Östersund*",
    "Örnsköldsvik*", "Sollefteå*", "Timrå*", "Umeå*", "Luleå*", "Skellefteå*", "Piteå*", "Gävle*",
    "Göteborg*", "Malmö*", "Västerås*", "Örebro*", "Linköping*", "Norrköping*", "Jönköping*", "Växjö*",
    "Borås*", "Södertälje*", "Östra", "Västra", "Norrström*", "Åsa", "Åke", "Björn*", "Håkan*", "Lövgren",
    "Löfgren", "Åberg", "Öberg", "Åström", "Söderberg", "Sjöberg", "Sjögren", "Mårten", "*ström", "*ströms",
];

/// Plain words that are Swedish as they stand and must not gain dots, though
/// a word in [`LEXICON`] folds to them: `har` (not `här`), `vara` (`våra`),
/// `fortsatta` (`fortsätta`), `andra` (`ändra`).
#[rustfmt::skip]
pub(super) const KEEP: &[&str] = &[
    "har", "var", "vara", "andra", "andras", "anda", "fortsatt", "fortsatta", "fortsatte", "rad", "raden",
    "rader", "lag", "lagen", "laget", "lagar", "saker", "stod", "vald", "valda", "valde", "stark", "starkt",
    "starka", "satt", "satte", "bor", "ni", "nr", "skal", "skalet", "mat", "last", "bast", "hall", "halla",
    "hallen", "behov", "behoven", "behovet", "behovs", "ligger", "ligga", "sitter", "sitta", "sitt",
    "hinder", "natt", "lisa", "filt", "filten", "gilla", "gillar", "gillade", "in", "stilla", "val", "laser",
    "manade", "manades", "vilja",
];

/// Common Swedish words without å, ä or ö, lowercase: what a word damaged
/// by OCR in other ways is checked against (besides the text's own words).
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    // Function words.
    "i", "och", "att", "det", "som", "en", "ett", "av", "med", "till", "om", "den", "de", "vi", "ni", "han",
    "hon", "man", "sig", "sin", "sitt", "sina", "dem", "dess", "deras", "oss", "vara", "var", "har", "hade",
    "ha", "kan", "kunde", "kunna", "ska", "skall", "skulle", "vill", "ville", "bli", "blir", "blev", "blivit",
    "inte", "eller", "men", "samt", "vid", "hos", "mot", "utan", "under", "efter", "mellan", "genom", "inom",
    "sedan", "redan", "igen", "igenom", "idag", "ihop", "bara", "mycket", "mer", "mest", "mindre", "minst",
    "alla", "allt", "annan", "annat", "andra", "andras", "denna", "detta", "dessa", "vilka", "vilken",
    "vilket", "vad", "vem", "hur", "varför", "vart", "var", "nu", "hela", "helt", "samma", "egen", "eget",
    "egna", "olika", "flera", "fler", "inga", "ingen", "inget", "varje", "varandra", "tillsammans", "bland",
    "annat", "kring", "runt", "enligt", "inklusive", "exempel", "exempelvis", "bl", "ex", "ca", "kl", "nr",
    "dock", "dessutom", "alltid", "aldrig", "ofta", "sent", "tidigt", "just", "nog", "kanske", "troligen",
    "troligtvis", "gemensam", "gemensamt", "gemensamma", "mindre", "stor", "stort", "stora", "liten", "litet",
    "lilla", "sma", "ny", "nytt", "nya", "gamla", "god", "gott", "goda", "bra", "fortsatt", "fortsatta",
    "fortsatte", "vidare", "tidigare", "senare", "senast", "snart", "kommande", "aktuell", "aktuella",
    "aktuellt", "specifik", "specifika", "specifikt", "viktig", "viktigt", "viktiga", "lugnare", "lugnt",
    "bakom", "fram", "upp", "ut", "in", "ner", "bort", "hem", "kvar", "tre", "fyra", "fem", "sex", "sju",
    "tio", "tolv", "noll", "ett", "andra", "tredje", "fjärde", "per", "procent", "kronor", "miljoner", "antal",
    // Verbs.
    "ge", "se", "ja", "nej", "fört", "förd", "förda", "förs", "gås", "kommer", "komma", "kom", "finns", "fanns", "ges", "ger", "gav", "tar", "ta", "tog", "tas", "tagit",
    "tagits", "gjort", "gjorde", "gjordes", "sker", "skett", "blivit", "visar", "visade", "visa", "anser",
    "menar", "tycker", "tror", "vet", "veta", "ser", "sett", "se", "syns", "informerar", "informera",
    "informerade", "presenterar", "presenterade", "presenteras", "presentera", "rapporterar", "rapporterade",
    "redovisar", "redovisade", "redovisas", "diskuterar", "diskuterade", "diskuteras", "beslutar", "beslutade",
    "beslut", "beslutet", "beslutas", "planerar", "planerade", "planeras", "planering", "planeringen",
    "arbetar", "arbeta", "arbetet", "arbete", "arbetas", "arbetsgrupp", "samordnar", "samordna", "samordnas",
    "samordnare", "samordnaren", "samverkan", "samverka", "samverkar", "ansvarar", "ansvar", "ansvaret",
    "ansvara", "utses", "utsedd", "lyfter", "lyfts", "lyfte", "berättar", "berättade", "hälsar", "tackar",
    "deltar", "delta", "deltog", "startar", "startade", "avslutar", "avslutas", "avslutade", "bjuda",
    "bjuds", "bjuder", "undersöka", "kontakta", "kontaktar", "skicka", "skickas", "skickar", "sprider",
    "sprida", "samlas", "samla", "samlar", "uppdrag", "uppdraget", "handlingarna", "handlingar",
    "mening", "delges", "delas", "dela", "delar", "gjort", "leda", "leder", "ledde", "sitter", "ligger",
    "ligga", "hamnar", "fokus", "fokusera", "uppger", "sover", "ha", "hitta", "hittar",
    // Nouns of minutes and of a council's work.
    "dagordning", "dagordningen", "protokoll", "protokollet", "minnesanteckningar", "punkt", "punkten",
    "punkter", "paragraf", "sammanträde", "sammanträdet", "ordföranden", "sekreterare", "justerare",
    "justering", "deltagare", "mote", "kommun", "kommunen", "kommunens", "region", "regionen", "polisen",
    "polis", "polisens", "kommunpolis", "kommunpolisen", "skola", "skolan", "skolor", "skolans", "elever",
    "elev", "elevrådet", "elevhälsan", "rektor", "rektorn", "personal", "personalen", "unga", "ungdomar",
    "ungdomarna", "barn", "barnen", "vuxna", "familj", "familjer", "socialtjänsten", "socialtjänst",
    "fritid", "fritidsledare", "fritidsgården", "centrum", "kommunhuset", "medborgarhuset", "biblioteket",
    "information", "informationen", "rapport", "rapporten", "rapporter", "budget", "budgeten",
    "uppdrag", "arbetsutskott", "arbetsutskottet", "kommunstyrelsen", "styrelsen", "gruppen", "grupp",
    "grupper", "gruppens", "dialog", "dialogen", "dialoger", "medborgardialog", "medborgardialogen",
    "trygghet", "tryggheten", "otrygghet", "brott", "brottslighet", "droger", "narkotika", "alkohol",
    "kampanj", "kampanjer", "evenemang", "evenemanget", "aktivitet", "aktiviteter", "plan", "planen",
    "underlag", "underlagen", "resultat", "resultatet", "statistik", "kompetens", "resurser", "kostnad",
    "kostnader", "ekonomi", "prognos", "prognosen", "utfall", "utfallet", "period", "perioden", "vecka",
    "veckan", "veckor", "dag", "dagar", "datum", "tid", "tiden", "plats", "platsen", "lokal", "lokalen",
    "sal", "rum", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december", "januari", "februari", "tisdag", "onsdag", "torsdag", "fredag", "klockan", "digitalt",
    "via", "teams", "presentation", "introduktion", "enkät", "enkäten", "svaren", "svar", "fråga",
    "ekonomichefen", "kommundirektör", "fastighetsägare", "boende", "belysning", "belysningen",
    "kontaktpunkt", "samtal", "hälsosamtal", "handlingsplan", "kurs", "kursen", "anmälan", "gruppledare",
    "lagstiftning", "lagen", "reglemente", "orsaksanalys", "statistik", "kvinnor", "pojkar", "flickor",
    "sommar", "sommaren", "sommarlovet", "vinter", "vintern", "hela", "tema", "intresse", "representation",
    "ledamot", "ledamoten", "ersättare", "tjänstgörande", "ordinarie", "sekretess", "person", "personer",
    "material", "materialet", "mindre", "sedan", "kvar", "lokalpolisområde", "polisområde",
    // More verbs and nouns without å, ä, ö.
    "fick", "gick", "kommit", "kurs", "kurser", "tunnel",
    "tunneln", "huset", "vatten", "skolans", "platser", "utbildning",
    "utbildningen", "insats", "insatser", "insatsen", "verksamhet", "verksamheten", "ungdom",
];
