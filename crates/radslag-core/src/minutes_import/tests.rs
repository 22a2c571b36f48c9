use chrono::{NaiveDate, NaiveTime};

use super::*;

const PDF: &str = include_str!("../../../../../shared/examples/minutes-2023-02-07.pdf.txt");
const OCR: &str = include_str!("../../../../../shared/examples/minutes-2023-02-07.ocr.txt");

const TITLES: [&str; 6] = [
    "Summering och utvärdering av 2022",
    "Framåtblick 2023, 2024, 2025 och 2026",
    "Lägesbildsarbete",
    "Årshjul 2023",
    "Övriga frågor",
    "Nästa möte",
];

/// The first words of every bullet, item by item.
const BULLETS: [&[&str]; 6] = [
    &[
        "End of summer meet (25-27 augusti 2023) kommer ha åldersgräns 18 år.",
        "Kulturnatten kommer genomföras den 26 maj 2023 i Ånge.",
        "Planering för att ha en tilläggsträff med tema",
        "Lokalpolisområde Medelpad planerar under året komma",
        "Industriområdet i Ånge är lugnare än tidigare,",
        "Det uppkom under hösten ett intresse från civilsamhället",
        "Det finns ett stort värde att ha tätare dialoger med Ånge-modellen",
    ],
    &[
        "Ny lagstiftning väntas (troligtvis) i juli 2023 där kommuner får ett brottsförebyggande ansvar.",
        "En ny Samverkansöverenskommelse mellan Ånge kommun och Polisen har upprättats",
        "Ett nytt Medborgarlöfte mellan Ånge kommun och Polisen har upprättats",
    ],
    &[
        "Vilka underlag som finns till förfogande som kan användas",
        "Vilka hinder som finns i lägesbildsarbetet (exempelvis sekretess)",
        "Vem (person eller aktör) som kan ansvara för att förmedla",
        "Vilka underlag eller professioners kompetens som saknas och därmed behöver",
    ],
    &[],
    &[],
    &[],
];

const PARTICIPANTS: [&str; 18] = [
    "Lena Bjelkström",
    "Jens Grelsson",
    "Linda Mattsson",
    "Kent Ylvesson",
    "Josef Wiklund",
    "Celina Dahlgren",
    "Lotta Backlund",
    "Stephanie Fanqvist",
    "Peter Nyhlin",
    "Erik Lövgren",
    "Katarina Persson",
    "Morgan Norman",
    "Mattias Robertsson Bly",
    "Marina Tjärnqvist",
    "Per Håkansson",
    "Agneta Hollsten",
    "Tora Åström",
    "Moa Magnusson",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn bullets(body: &str) -> Vec<&str> {
    body.lines().filter_map(|l| l.strip_prefix("- ")).collect()
}

fn pdf() -> ParsedMinutes {
    parse_minutes(PDF, None).expect("the PDF example is minutes")
}

fn ocr(reference_year: Option<i32>) -> ParsedMinutes {
    parse_minutes(OCR, reference_year).expect("the OCR example is minutes")
}

fn expected_next_meetings(dated: bool) -> Vec<ParsedNextMeeting> {
    let meeting = |start: u32, end: u32, group: &str| ParsedNextMeeting {
        date: dated.then(|| date(2023, 5, 11)),
        start_time: Some(time(start, 0)),
        end_time: Some(time(end, 0)),
        group: Some(group.to_owned()),
        place_or_link: Some("digitalt via Teams".to_owned()),
        text: format!("11 maj klockan {start}-{end} för {group} (digitalt via Teams)."),
    };
    vec![
        meeting(10, 12, "Klara-gruppen"),
        meeting(13, 15, "Trygghetsrådet"),
    ]
}

fn expected_note_taker() -> ParsedNoteTaker {
    ParsedNoteTaker {
        name: "Moa Magnusson".to_owned(),
        role: Some(
            "folkhälsostrateg och samordnare för Trygghetsrådet och Klara-gruppen".to_owned(),
        ),
    }
}

// --- The PDF example -------------------------------------------------------

#[test]
fn pdf_header() {
    let m = pdf();
    assert_eq!(
        m.title.as_deref(),
        Some("Trygghetsrådet och Klara-gruppen utvärderar och planerar")
    );
    assert_eq!(m.date, Some(date(2023, 2, 7)));
    assert_eq!(m.start_time, None);
    assert_eq!(m.end_time, None);
    assert_eq!(m.place.as_deref(), Some("Corner, Medborgarhuset Ånge"));
    assert_eq!(m.adjusters, Vec::<String>::new());
    assert_eq!(m.secretary, None);
    assert_eq!(m.chair, None);
    assert_eq!(m.missing, vec![]);
    assert!(!m.ocr_repaired);
}

#[test]
fn pdf_participants_are_the_eighteen_names_with_wrapped_ones_joined() {
    let m = pdf();
    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, PARTICIPANTS);
    for p in &m.participants {
        assert_eq!(
            (p.kind, &p.role, &p.organisation),
            (ParticipantKind::Participant, &None, &None),
            "{}",
            p.name
        );
    }
}

#[test]
fn pdf_items_titles_and_bullets() {
    let m = pdf();
    let numbers: Vec<u32> = m.items.iter().map(|i| i.number).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 5, 6],
        "the table of contents at the end makes no items"
    );
    let titles: Vec<&str> = m.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, TITLES);
    for (item, expected) in m.items.iter().zip(BULLETS) {
        let found = bullets(&item.body);
        assert_eq!(
            found.len(),
            expected.len(),
            "bullets of {}: {found:#?}",
            item.title
        );
        for (bullet, start) in found.iter().zip(expected) {
            assert!(
                bullet.starts_with(start),
                "{bullet:?} should start with {start:?}"
            );
        }
    }
}

#[test]
fn pdf_bodies_keep_paragraphs_and_join_wrapped_lines() {
    let m = pdf();
    let item1 = &m.items[0].body;
    assert!(item1.starts_with(
        "En summering av arbetet i Trygghetsrådet och Klara-gruppen år 2022 genomförs. Ett antal punkter som \
         tagits upp under året utvärderas specifikt då behov finns eller då fortsatta interventioner kommer \
         samordnas mer under kommande år.\n\n- End of summer meet"
    ));
    // A bullet's wrapped lines are one line; a hyphen at a line's end joins.
    assert!(item1.contains(
        "\n- Det finns ett stort värde att ha tätare dialoger med Ånge-modellen unga när det kommer igång. \
         Representation för Ånge-modellen unga finns i Klara-gruppen via rektor Per."
    ));
    assert!(item1.contains("samordnare för Trygghetsråd och Klara-grupp samt kommunpolis"));
    assert_eq!(
        m.items[3].body,
        "Vi går tillsammans igenom förslag på Årshjul för 2023 innehållande lagändringar att ta hänsyn till, \
         mötestider för Trygghetsrådet och Klara-gruppen (4 per år/grupp), specifika händelser under året \
         såsom mätningar av narkotika i avloppsvatten, kampanjveckor med gemensamt innehåll och evenemang med \
         behov av samverkan kring. Årshjulet fastställs med reservation för behov av korrigeringar under året."
    );
    assert_eq!(
        m.items[4].body,
        "Josef presenterar Polisens lägesbild gällande den aktuella våldsvågen kring narkotikahandeln med fokus \
         på hur detta fortlöpt och hanterats i Västernorrland."
    );
    assert_eq!(
        m.items[5].body,
        "11 maj klockan 10-12 för Klara-gruppen (digitalt via Teams).\n\n\
         11 maj klockan 13-15 för Trygghetsrådet (digitalt via Teams)."
    );
    for item in &m.items {
        assert!(
            !item.body.contains("\n\n\n") && !item.body.contains("  "),
            "{:?}",
            item.body
        );
        assert!(
            !item.body.contains("utvärderar och planerar"),
            "the contents' title stays out of {}",
            item.title
        );
    }
}

#[test]
fn pdf_next_meetings_and_note_taker() {
    let m = pdf();
    assert_eq!(m.next_meetings, expected_next_meetings(true));
    assert_eq!(m.note_taker, Some(expected_note_taker()));
}

#[test]
fn a_reference_year_does_not_override_the_texts_dates() {
    assert_eq!(parse_minutes(PDF, Some(2030)).unwrap(), pdf());
}

#[test]
fn json_is_camel_case_with_iso_dates_and_round_trips() {
    let m = pdf();
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["date"], "2023-02-07");
    assert_eq!(json["startTime"], serde_json::Value::Null);
    assert_eq!(
        json["items"][0]["title"],
        "Summering och utvärdering av 2022"
    );
    assert_eq!(json["nextMeetings"][0]["date"], "2023-05-11");
    assert_eq!(json["nextMeetings"][0]["startTime"], "10:00:00");
    assert_eq!(json["nextMeetings"][0]["placeOrLink"], "digitalt via Teams");
    assert_eq!(json["noteTaker"]["name"], "Moa Magnusson");
    assert_eq!(json["participants"][0]["kind"], "participant");
    assert_eq!(json["ocrRepaired"], false);
    let back: ParsedMinutes = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
    let missing = serde_json::to_string(&ocr(None).missing).unwrap();
    assert_eq!(missing, r#"["date","place","participants","title"]"#);
    let error = serde_json::to_value(ImportError::Empty).unwrap();
    assert_eq!(error["kind"], "empty");
}

// --- The OCR example -------------------------------------------------------

#[test]
fn ocr_is_detected_and_lacks_the_header() {
    let m = ocr(None);
    assert!(m.ocr_repaired);
    assert_eq!(
        m.missing,
        [
            MissingField::Date,
            MissingField::Place,
            MissingField::Participants,
            MissingField::Title
        ]
    );
    assert_eq!((m.title, m.date, m.place), (None, None, None));
    assert!(m.participants.is_empty());
}

#[test]
fn ocr_has_the_pdfs_structure() {
    let (o, p) = (ocr(None), pdf());
    let titles: Vec<&str> = o.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, TITLES);
    for ((oi, pi), expected) in o.items.iter().zip(&p.items).zip(BULLETS) {
        assert_eq!(oi.number, pi.number);
        let found = bullets(&oi.body);
        assert_eq!(
            found.len(),
            expected.len(),
            "bullets of {}: {found:#?}",
            oi.title
        );
        for (bullet, start) in found.iter().zip(expected) {
            let start: String = start
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                bullet.starts_with(&start),
                "{bullet:?} should start with {start:?}"
            );
        }
    }
    assert_eq!(o.note_taker, Some(expected_note_taker()));
    // Without the meeting's date the next meetings have no year…
    assert_eq!(o.next_meetings, expected_next_meetings(false));
    // …which a reference year gives.
    assert_eq!(ocr(Some(2023)).next_meetings, expected_next_meetings(true));
}

/// The share of `a`'s words that a longest common subsequence keeps in `b`.
fn word_overlap(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let mut row = vec![0usize; b.len() + 1];
    for wa in &a {
        let mut diagonal = 0;
        for (j, wb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if wa == wb {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as f64 / a.len().max(1) as f64
}

#[test]
fn ocr_bodies_are_close_to_the_pdfs() {
    let (o, p) = (ocr(None), pdf());
    for (oi, pi) in o.items.iter().zip(&p.items) {
        let overlap = word_overlap(&pi.body, &oi.body);
        assert!(
            overlap >= 0.97,
            "{}: {overlap:.3}\nPDF: {}\nOCR: {}",
            pi.title,
            pi.body,
            oi.body
        );
    }
    // Whole items come through unchanged.
    assert_eq!(o.items[4].body, p.items[4].body);
    assert_eq!(o.items[5].body, p.items[5].body);
    assert_eq!(o.items[1].body, p.items[1].body);
}

#[test]
fn ocr_repair_of_words() {
    let cases = [
        (
            "Trygghetsradet och Klara-gruppen ér 2022",
            "Trygghetsrådet och Klara-gruppen år 2022",
        ),
        (
            "kommande é&r. Ange #r lugnare 4n",
            "kommande år. Ånge är lugnare än",
        ),
        (
            "f6r perioden, 18 éar, utvecklingen under 4ret",
            "för perioden, 18 år, utvecklingen under året",
        ),
        (
            "hosten 2022 1 kommunen och hanterats 1 Visternorrland",
            "hösten 2022 i kommunen och hanterats i Västernorrland",
        ),
        (
            "Medborgarl6fte, viirde, véirdeskapande, diar, ldséar",
            "Medborgarlöfte, värde, värdeskapande, där, läsår",
        ),
        (
            "mgjlighet, frdn, igdng, anstdllda pd Polisen, f3 till",
            "möjlighet, från, igång, anställda på Polisen, få till",
        ),
        (
            "lokalpolisomrade, Samverkansoverenskommelse, tillaggstraff",
            "lokalpolisområde, Samverkansöverenskommelse, tilläggsträff",
        ),
        (
            "ARSHJUL, Ovriga fragor, Nasta mote",
            "ÅRSHJUL, Övriga frågor, Nästa möte",
        ),
        (
            "dr framtaget, 4 per ar/grupp",
            "är framtaget, 4 per år/grupp",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(ocr::repair_for_test(input).0, expected);
    }
}

#[test]
fn ocr_repair_keeps_plain_swedish_words() {
    let plain = "har vara andra andras fortsatt fortsatta ligger sitter sitt sig sidan hinder behov val in man bara \
                 natt straff straffet ledamoten ledamot lasarett vandring invandring faktor reaktor motell gilla \
                 dit stad bidra Lisa Jonsson Inge lag laget rad saker stod vald starkt satt bor ni nr 4 1 2022";
    let (repaired, changed) = ocr::repair_for_test(plain);
    assert_eq!((repaired.as_str(), changed), (plain, 0));
}

#[test]
fn text_with_its_dots_is_not_repaired() {
    assert_eq!(ocr::repair_if_ocr(PDF, false), None);
    assert_eq!(
        ocr::repair_if_ocr("Mötet är slut för i år. Vi ses på måndag.", false),
        None
    );
    assert_eq!(
        ocr::repair_if_ocr(
            "The meeting for the board: far from over, as it was.",
            false
        ),
        None
    );
}

// --- Other minutes ---------------------------------------------------------

const PROTOCOL: &str = "PROTOKOLL
Kommunstyrelsens arbetsutskott

Plats och tid: Kommunhuset, Sammanträdesrum Ljungan, tisdag 7 februari 2023 kl 10.00–12.00

Beslutande
Anna Andersson (S), ordförande
Bertil Berg (M)
Cecilia Ceder (C), tjänstgörande ersättare

Övriga deltagande
David Dahl, kommundirektör
Eva Ek, sekreterare

Frånvarande
Fredrik Fors (V)

Närvarande: Gustav Gran

Justerare: Bertil Berg och Cecilia Ceder
Sekreterare: Eva Ek
Ordförande: Anna Andersson

§ 12 Mötets öppnande
Ordförande Anna Andersson förklarar mötet öppnat.

§13 Val av justerare
Till justerare utses Bertil Berg.

§ 14
Budget 2024
Arbetsutskottet föreslår att kommunstyrelsen
godkänner budgeten.
- Driftbudget
- Investeringsbudget

§ 15 Nästa sammanträde
Nästa sammanträde hålls 7/3 2023 kl 13-15 i Kommunhuset.
";

#[test]
fn a_protocol_with_plats_och_tid_narvarande_justerare_and_paragraphs() {
    let m = parse_minutes(PROTOCOL, None).unwrap();
    assert_eq!(m.title.as_deref(), Some("Kommunstyrelsens arbetsutskott"));
    assert_eq!(m.date, Some(date(2023, 2, 7)));
    assert_eq!(
        (m.start_time, m.end_time),
        (Some(time(10, 0)), Some(time(12, 0)))
    );
    assert_eq!(
        m.place.as_deref(),
        Some("Kommunhuset, Sammanträdesrum Ljungan")
    );
    let person =
        |name: &str, role: Option<&str>, organisation: Option<&str>, kind| ParsedParticipant {
            name: name.to_owned(),
            role: role.map(str::to_owned),
            organisation: organisation.map(str::to_owned),
            kind,
        };
    use ParticipantKind::*;
    assert_eq!(
        m.participants,
        [
            person(
                "Anna Andersson",
                Some("ordförande"),
                Some("S"),
                DecisionMaker
            ),
            person("Bertil Berg", None, Some("M"), DecisionMaker),
            person(
                "Cecilia Ceder",
                Some("tjänstgörande ersättare"),
                Some("C"),
                DecisionMaker
            ),
            person("David Dahl", Some("kommundirektör"), None, Other),
            person("Eva Ek", Some("sekreterare"), None, Other),
            person("Fredrik Fors", None, Some("V"), Absent),
            person("Gustav Gran", None, None, Participant),
        ]
    );
    assert_eq!(m.adjusters, ["Bertil Berg", "Cecilia Ceder"]);
    assert_eq!(m.secretary.as_deref(), Some("Eva Ek"));
    assert_eq!(m.chair.as_deref(), Some("Anna Andersson"));
    let items: Vec<(u32, &str)> = m
        .items
        .iter()
        .map(|i| (i.number, i.title.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (12, "Mötets öppnande"),
            (13, "Val av justerare"),
            (14, "Budget 2024"),
            (15, "Nästa sammanträde")
        ]
    );
    assert_eq!(
        m.items[0].body,
        "Ordförande Anna Andersson förklarar mötet öppnat."
    );
    assert_eq!(
        m.items[2].body,
        "Arbetsutskottet föreslår att kommunstyrelsen godkänner budgeten.\n\n- Driftbudget\n- Investeringsbudget"
    );
    assert_eq!(
        m.next_meetings,
        [ParsedNextMeeting {
            date: Some(date(2023, 3, 7)),
            start_time: Some(time(13, 0)),
            end_time: Some(time(15, 0)),
            group: None,
            place_or_link: Some("Kommunhuset".to_owned()),
            text: "Nästa sammanträde hålls 7/3 2023 kl 13-15 i Kommunhuset.".to_owned(),
        }]
    );
    assert_eq!(m.missing, []);
    assert!(!m.ocr_repaired);
}

#[test]
fn labels_with_values_below_and_a_closing_next_meeting_label() {
    let text = "Minnesanteckningar\nDatum:\n7 februari\nTid: 13.15-15\nNärvarande: Anna, Bertil och Cecilia\n\n\
                1) Välkommen\nAnna hälsar välkommen.\n2) Lägesbild\nInget nytt.\n\n\
                Nästa möte:\n- 2023-03-14 kl 9-11 på Biblioteket\n- 4 april 10:00-12:00 via https://teams.example/abc\n\n\
                Vid pennan: Bertil";
    let m = parse_minutes(text, Some(2023)).unwrap();
    assert_eq!(m.title, None, "a document type alone is no title");
    assert_eq!(
        m.date,
        Some(date(2023, 2, 7)),
        "the reference year dates `7 februari`"
    );
    assert_eq!(
        (m.start_time, m.end_time),
        (Some(time(13, 15)), Some(time(15, 0)))
    );
    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna", "Bertil", "Cecilia"]);
    assert_eq!(m.items.len(), 2);
    assert_eq!(m.items[1].body, "Inget nytt.");
    let next: Vec<_> = m
        .next_meetings
        .iter()
        .map(|n| (n.date, n.start_time, n.end_time, n.place_or_link.as_deref()))
        .collect();
    assert_eq!(
        next,
        [
            (
                Some(date(2023, 3, 14)),
                Some(time(9, 0)),
                Some(time(11, 0)),
                Some("Biblioteket")
            ),
            (
                Some(date(2023, 4, 4)),
                Some(time(10, 0)),
                Some(time(12, 0)),
                Some("https://teams.example/abc")
            ),
        ]
    );
    assert_eq!(
        m.note_taker,
        Some(ParsedNoteTaker {
            name: "Bertil".to_owned(),
            role: None
        })
    );
    assert_eq!(m.missing, [MissingField::Place, MissingField::Title]);
}

#[test]
fn next_meeting_years_follow_the_meeting() {
    let text =
        "Datum 2023-11-20\n\n1. Nästa möte\n15 januari kl 10-12 för Styrgruppen i Rådhuset.\n";
    let m = parse_minutes(text, None).unwrap();
    assert_eq!(m.next_meetings[0].date, Some(date(2024, 1, 15)));
    assert_eq!(m.next_meetings[0].group.as_deref(), Some("Styrgruppen"));
    assert_eq!(
        m.next_meetings[0].place_or_link.as_deref(),
        Some("Rådhuset")
    );
}

#[test]
fn an_agenda_list_is_replaced_by_the_items_and_page_furniture_dropped() {
    let text = "Dagordning\n1. Mötets öppnande\n2. Lägesbild\n\n1. Mötets öppnande\nOrdföranden öppnar.\n\
                2. Lägesbild\nInget nytt.\nSida 2 (3)\nMINNESANTECKNINGAR\nDatum 230207\nMer om läget.\n\n\
                \t1.\tMötets öppnande\n\t2.\tLägesbild\n";
    let m = parse_minutes(text, None).unwrap();
    let items: Vec<(&str, &str)> = m
        .items
        .iter()
        .map(|i| (i.title.as_str(), i.body.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("Mötets öppnande", "Ordföranden öppnar."),
            ("Lägesbild", "Inget nytt. Mer om läget.")
        ]
    );
}

#[test]
fn the_date_forms() {
    let forms = [
        ("Datum 2023-02-07", true),
        ("Datum 230207", true),
        ("Datum 20230207", true),
        ("den 7 februari 2023", false),
        ("tisdag 7:e feb. 2023", false),
        ("7/2 2023", false),
        ("7/2-2023", false),
        ("7/2/23", false),
        ("7.2.2023", false),
    ];
    for (text, compact) in forms {
        let found =
            dates::find_date(text, compact).unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(
            found.value.resolve(None, None),
            Some(date(2023, 2, 7)),
            "{text}"
        );
    }
    assert_eq!(
        dates::find_date("Datum 230207", false),
        None,
        "six digits are a date only after `Datum`"
    );
    assert_eq!(dates::find_date("2023-02-30", false), None);
    assert_eq!(
        dates::find_date("25-27 augusti", false).map(|d| d.value.day),
        Some(27)
    );
    let times = |text: &str, bare: bool| {
        dates::find_times(text, bare, 0).map(|t| (t.value.start, t.value.end))
    };
    assert_eq!(
        times("kl. 10.00–12.00", false),
        Some((time(10, 0), Some(time(12, 0))))
    );
    assert_eq!(
        times("klockan 13:15 till 15", false),
        Some((time(13, 15), Some(time(15, 0))))
    );
    assert_eq!(times("kl 9", false), Some((time(9, 0), None)));
    assert_eq!(
        times("10-12", false),
        None,
        "a bare range needs `kl` or a time label"
    );
    assert_eq!(times("10-12", true), Some((time(10, 0), Some(time(12, 0)))));
    assert_eq!(times("11.05.2023", false), None);
}

#[test]
fn plats_och_tid_in_other_orders() {
    let text =
        "Plats och tid Kommunhuset kl 10-12 den 7 februari 2023\n\n1. Övriga frågor\nInga.\n";
    let m = parse_minutes(text, None).unwrap();
    assert_eq!(m.place.as_deref(), Some("Kommunhuset"));
    assert_eq!(m.date, Some(date(2023, 2, 7)));
    assert_eq!(
        (m.start_time, m.end_time),
        (Some(time(10, 0)), Some(time(12, 0)))
    );
}

// --- Not minutes, and odd input --------------------------------------------

#[test]
fn texts_that_are_not_minutes() {
    assert_eq!(parse_minutes("", None), Err(ImportError::Empty));
    assert_eq!(parse_minutes(" \n\t\n ", None), Err(ImportError::Empty));
    let not_minutes = [
        "Mjölk\nBröd\nÄgg\nSmör",
        "1. Mjölk\n2. Bröd\n3. Ägg\n",
        "Det var en gång en katt som hette Måns. Han bodde i Ånge och tyckte om fisk.",
        "\u{0}\u{1}\u{2}PK\u{3}\u{4}binary\u{0}\u{0}garbage\u{7f}",
        "1.",
        "§",
        "§ 1",
        "Nästa möte",
    ];
    for text in not_minutes {
        match parse_minutes(text, None) {
            Err(ImportError::NotMinutes(message)) => {
                assert!(message.contains(" / "), "Swedish, then English: {message}");
            }
            other => panic!("{text:?} gave {other:?}"),
        }
    }
}

#[test]
fn odd_input_never_panics() {
    let long_line = "ord ".repeat(50_000);
    let long_word = "a".repeat(100_000);
    let many_items: String = (1..=2000).map(|n| format!("{n}. Punkt\ntext\n")).collect();
    let odd = [
        "1.".to_owned(),
        "1. ".to_owned(),
        "1)".to_owned(),
        "§".to_owned(),
        "§ ".to_owned(),
        "§§§ 1 2 3".to_owned(),
        "§ 99999999999999999999 Rubrik".to_owned(),
        "999. Rubrik".to_owned(),
        format!("Datum 2023-02-07\n1. Punkt\n{long_line}"),
        format!("Datum {long_word}\n1. {long_word}\n- {long_word}"),
        long_line.clone(),
        many_items,
        "Datum 🎉 2023-13-45\nPlats 🏠\nDeltagare ,,,, ; ; (\n1. Öppnande 🙂\n- \n-\n•\n"
            .to_owned(),
        "Datum ٢٠٢٣\nמשתתפים\n1. ẞ̷̢͓ ZALGO\nĀ̴̧ ı İ ǅ\n".to_owned(),
        "Vid pennan\n\nJusterare\n1. Nästa möte\n31 februari kl 25-99\n29 februari\n7/13\n"
            .to_owned(),
        "Plats och tid: ,,,\nDeltagare: (S), - , –\n§ 1\n\n".to_owned(),
        "\r\n\r\n1. Övriga frågor\r\n\u{a0}\u{ad}text\u{200b}\r\n".to_owned(),
        "é&r #r 4n f6r 1 1 1 é é é # & 4 6 3".to_owned(),
        "\t1.\t\n\t2.\t\n".to_owned(),
        "1. Övriga frågor\n".repeat(3),
        "1. Nästa möte\n11 maj \u{212a}L 10-12 FÖR \u{212a}lara (\u{212a}\n7 feb \u{212a}lockan 9 via".to_owned(),
    ];
    for text in &odd {
        for year in [None, Some(2023), Some(i32::MAX), Some(i32::MIN)] {
            let _ = parse_minutes(text, year);
        }
    }
}

#[test]
fn a_large_text_parses_quickly() {
    let big = PDF.repeat(200);
    let started = std::time::Instant::now();
    let m = parse_minutes(&big, None).unwrap();
    assert_eq!(m.items.len(), 6);
    let big_ocr = OCR.repeat(50);
    let m = parse_minutes(&big_ocr, None).unwrap();
    assert!(m.ocr_repaired);
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn the_word_lists_are_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for entry in lexicon::LEXICON {
        assert!(
            entry.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']),
            "{entry} has no å, ä or ö"
        );
        assert!(seen.insert(entry), "{entry} twice");
        assert!(
            !entry.trim_matches('*').contains('*') && !entry.trim_matches('*').is_empty(),
            "{entry}"
        );
    }
    for word in lexicon::KEEP {
        assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{word}");
    }
}

#[test]
fn mangled_examples_never_panic() {
    // A small deterministic generator: no dependency, the same cases each run.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let palette: Vec<char> =
        "§.1)-–•\t\n: (kl 10-12) é#4&6 ÅÄÖåäö\u{212a}İ\u{301}\u{feff}7/2 2023 Datum Vid pennan"
            .chars()
            .collect();
    for round in 0..120 {
        let mut chars: Vec<char> = if round % 2 == 0 { PDF } else { OCR }.chars().collect();
        for _ in 0..1 + next(20) {
            let at = next(chars.len() + 1);
            match next(3) {
                0 => {
                    let end = (at + next(200)).min(chars.len());
                    chars.drain(at..end);
                }
                1 => {
                    let inserted: Vec<char> = (0..1 + next(30))
                        .map(|_| palette[next(palette.len())])
                        .collect();
                    chars.splice(at..at, inserted);
                }
                _ => {
                    let end = (at + next(400)).min(chars.len());
                    let copy: Vec<char> = chars[at..end].to_vec();
                    let to = next(chars.len() + 1);
                    chars.splice(to..to, copy);
                }
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = parse_minutes(&text, Some(2023));
    }
}

// --- OCR damage in general -------------------------------------------------

const SAMPLES: [&str; 4] = [
    include_str!("../../testdata/minutes/protokoll-ks-au.txt"),
    include_str!("../../testdata/minutes/klara-gruppen-2024-03.txt"),
    include_str!("../../testdata/minutes/trygghetsradet-2023-09.txt"),
    include_str!("../../testdata/minutes/folkhalsoradet-2022-05.txt"),
];

use ocr_damage::{Damage, damage, imported_words, word_accuracy};

#[test]
fn the_damage_generator_is_deterministic_and_damages_like_ocr() {
    let a = damage(PDF, 7, &Damage::TYPICAL);
    assert_eq!(a, damage(PDF, 7, &Damage::TYPICAL), "same seed, same text");
    assert_ne!(
        a,
        damage(PDF, 8, &Damage::TYPICAL),
        "another seed, another text"
    );
    let marks = |s: &str| s.chars().filter(|c| "åäöÅÄÖ".contains(*c)).count();
    assert!(
        marks(&a) * 2 < marks(PDF),
        "most å, ä, ö are lost: {} of {}",
        marks(&a),
        marks(PDF)
    );
    let heavy = damage(PDF, 7, &Damage::HEAVY);
    assert!(word_accuracy(PDF, &heavy) < word_accuracy(PDF, &a));
    let none = Damage {
        diacritics: 0.0,
        lookalikes: 0.0,
        join_lines: 0.0,
        split_lines: 0.0,
        lose_spaces: 0.0,
    };
    assert_eq!(
        damage("Nästa möte\n§ 12 Övrigt\n", 1, &none),
        "Nästa möte\n§ 12 Övrigt\n"
    );
    assert_eq!(word_accuracy("a b c d", "a x c d"), 0.75);
    assert_eq!(word_accuracy("a b c d", ""), 0.0);
}

/// Mean and worst word accuracy of what is imported from `documents`
/// damaged with `how` over `seeds`, and the texts refused.
fn accuracy_over_seeds(documents: &[&str], how: &Damage, seeds: u64) -> (f64, f64, Vec<String>) {
    let (mut sum, mut n, mut worst, mut refused) = (0.0, 0, f64::MAX, Vec::new());
    for text in documents {
        let clean = imported_words(&parse_minutes(text, Some(2023)).unwrap(), true);
        for seed in 0..seeds {
            let damaged = damage(text, seed, how);
            let read = match parse_minutes(&damaged, Some(2023)) {
                Ok(m) => imported_words(&m, true),
                Err(e) => {
                    refused.push(format!("{e}\n{damaged}"));
                    String::new()
                }
            };
            let accuracy = word_accuracy(&clean, &read);
            worst = worst.min(accuracy);
            sum += accuracy;
            n += 1;
        }
    }
    (sum / n as f64, worst, refused)
}

#[test]
fn minutes_damaged_like_ocr_are_read_over_many_seeds() {
    let mut documents = SAMPLES.to_vec();
    documents.push(PDF);
    let (mean, worst, refused) = accuracy_over_seeds(&documents, &Damage::TYPICAL, 6);
    assert!(refused.is_empty(), "refused: {refused:#?}");
    assert!(mean >= 0.94, "mean word accuracy {mean:.3}");
    assert!(worst >= 0.80, "worst word accuracy {worst:.3}");
    let (mean, _, refused) = accuracy_over_seeds(&documents, &Damage::HEAVY, 3);
    assert!(refused.is_empty(), "refused: {refused:#?}");
    assert!(mean >= 0.86, "mean word accuracy, heavy damage {mean:.3}");
}

#[test]
fn the_example_scan_keeps_the_pdfs_words() {
    let clean = imported_words(&pdf(), false);
    let read = imported_words(&ocr(Some(2023)), false);
    let accuracy = word_accuracy(&clean, &read);
    assert!(accuracy >= 0.99, "{accuracy:.4}");
}

#[test]
fn damaged_text_that_is_not_minutes_is_still_refused() {
    let prose = "Det var en gång en katt som hette Måns. Han bodde i Ånge och tyckte om fisk.\n\
                 Varje morgon gick han till sjön och satt där till kvällen.\n";
    let list = "1. Mjölk\n2. Bröd\n3. Ägg\n4. Smör\n5. Ost\n";
    let recipe = "Kanelbullar\n\n1) Värm mjölken.\n2) Rör ner jästen.\n3) Baka ut degen.\n\
                  4) Grädda i ugnen på 225 grader.\n";
    for text in [prose, list, recipe] {
        for seed in 0..20 {
            for how in [Damage::TYPICAL, Damage::HEAVY] {
                let damaged = damage(text, seed, &how);
                assert!(
                    matches!(
                        parse_minutes(&damaged, None),
                        Err(ImportError::NotMinutes(_))
                    ),
                    "{damaged}"
                );
            }
        }
    }
}

#[test]
fn numbering_and_labels_through_ocr_confusions() {
    let headings = [
        ("l. Summering", Some("1. Summering")),
        ("1, Summering", Some("1. Summering")),
        ("I) Val av justerare", Some("1) Val av justerare")),
        ("1] Val av justerare", Some("1) Val av justerare")),
        ("1O. Övriga frågor", Some("10. Övriga frågor")),
        ("Z) Lägesbild", Some("2) Lägesbild")),
        ("S 12 Budget", Some("§ 12 Budget")),
        ("$12 Budget", Some("§ 12 Budget")),
        ("§ l2 Budget", Some("§ 12 Budget")),
        ("5 12 Budget", Some("§ 12 Budget")),
        ("1. Summering", None),
        ("§ 12 Budget", None),
        ("Sida 2", None),
        ("2,4 miljoner kronor", None),
        ("1, 2 och 3 är klara", None),
        ("5 12 kronor", None),
    ];
    for (line, expected) in headings {
        assert_eq!(
            lookalike::canonical_heading_for_test(line).as_deref(),
            expected,
            "{line}"
        );
    }
    let labels = [
        ("Narvarande: Anna", Some("Närvarande: Anna")),
        ("Niirvarande", Some("Närvarande")),
        ("Fr&nvarande: Bo", Some("Frånvarande: Bo")),
        ("Vicl pennan", Some("Vid pennan")),
        ("Vidpennan Moa", Some("Vid pennan Moa")),
        ("Justerare; Bo", Some("Justerare: Bo")),
        ("P1ats och tid: Ånge", Some("Plats och tid: Ånge")),
        ("Datum2023-02-07", Some("Datum 2023-02-07")),
        ("Deltagarc Anna, Bo", Some("Deltagare Anna, Bo")),
        ("Justerare: Bo", None),
        ("Tidigare i år", None),
        ("Platsen är bokad", None),
        ("Det var bra", None),
    ];
    for (line, expected) in labels {
        assert_eq!(
            lookalike::canonical_label_for_test(line).as_deref(),
            expected,
            "{line}"
        );
    }
}

#[test]
fn ocr_damage_besides_the_dots() {
    let text = "Datum 2O23-O2-O7\nPlats Ange kommunhus\nNiirvarande: Anna Berg, Bo Ek\n\n\
                l. Motets oppnande\nOrdforanden oppnar rnotet.\n\
                Z) Lagesbild\nPo1isen berattar om lagesbilden l centrum. - Inget nytt har hant.\n\
                3) Nasta mote\nNasta mote halls l1 rnaj kl 1O-12 i Kommunhuset.\n";
    let m = parse_minutes(text, None).unwrap();
    assert!(m.ocr_repaired);
    assert_eq!(m.date, Some(date(2023, 2, 7)));
    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo Ek"]);
    let titles: Vec<(u32, &str)> = m
        .items
        .iter()
        .map(|i| (i.number, i.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [(1, "Mötets öppnande"), (2, "Lägesbild"), (3, "Nästa möte")]
    );
    assert_eq!(m.items[0].body, "Ordföranden öppnar mötet.");
    assert_eq!(
        m.items[1].body,
        "Polisen berättar om lägesbilden i centrum.\n\n- Inget nytt har hänt."
    );
    assert_eq!(m.next_meetings[0].date, Some(date(2023, 5, 11)));
    assert_eq!(
        (m.next_meetings[0].start_time, m.next_meetings[0].end_time),
        (Some(time(10, 0)), Some(time(12, 0)))
    );
}
