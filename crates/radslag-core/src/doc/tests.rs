use super::*;
use crate::ids::*;
use crate::model::*;
use automerge::{ObjType, transaction::Transactable};
use chrono::{NaiveDate, NaiveTime};

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

fn council() -> WorkspaceDoc {
    WorkspaceDoc::create(&WorkspaceInfo {
        name: "Trygghetsrådet och Klara-gruppen".into(),
        organisation: "Ånge kommun".into(),
    })
    .unwrap()
}

fn meeting_with_agenda(groups: Vec<GroupId>) -> Meeting {
    Meeting {
        title: "Trygghetsrådet och Klara-gruppen utvärderar och planerar".into(),
        groups,
        date: date("2023-02-07"),
        start_time: time("13:00"),
        end_time: time("15:00"),
        place: "Corner, Medborgarhuset Ånge".into(),
        agenda: [
            "Summering och utvärdering av 2022",
            "Framåtblick",
            "Lägesbildsarbete",
        ]
        .into_iter()
        .map(|heading| AgendaItem {
            id: AgendaItemId::random(),
            heading: heading.into(),
            body: String::new(),
        })
        .collect(),
        ..Default::default()
    }
}

#[test]
fn every_kind_of_entry_survives_save_and_load() {
    let mut ws = council();
    let rådet = Group {
        id: GroupId::random(),
        name: "Trygghetsrådet".into(),
        description: "Brottsförebyggande råd".into(),
    };
    let klara = Group {
        id: GroupId::random(),
        name: "Klara-gruppen".into(),
        description: String::new(),
    };
    let moa = Person {
        id: PersonId::random(),
        name: "Moa Magnusson".into(),
        role: "folkhälsostrateg".into(),
        organisation: "Ånge kommun".into(),
        groups: vec![rådet.id.clone(), klara.id.clone()],
    };
    let mut meeting = meeting_with_agenda(vec![rådet.id.clone(), klara.id.clone()]);
    meeting.agenda[0].body =
        "En summering genomförs.\n- End of summer meet 25-27 augusti\n- Kulturnatten 26 maj".into();
    meeting.participants = vec![Participant {
        person: moa.id.clone(),
        attendance: Attendance::Present,
    }];
    meeting.note_taker = Some(moa.id.clone());
    meeting.next_meeting = date("2023-05-11");
    let action = Action {
        text: "Planera medborgardialog på Kulturnatten".into(),
        owners: vec![
            Owner::Person(moa.id.clone()),
            Owner::Organisation("Polisen Ånge".into()),
        ],
        due: date("2023-05-01"),
        status: ActionStatus::InProgress,
        source_meeting: Some(meeting.id.clone()),
        source_item: Some(meeting.agenda[0].id.clone()),
        ..Default::default()
    };
    let category = Category {
        id: CategoryId::random(),
        name: "Evenemang".into(),
        colour: "#8a3ffc".into(),
    };
    let event = WheelEvent {
        title: "End of summer meet".into(),
        category: Some(category.id.clone()),
        start: date("2023-08-25"),
        end: date("2023-08-27"),
        groups: vec![klara.id.clone()],
        notes: "Åldersgräns 18 år".into(),
        ..Default::default()
    };
    let question = Question {
        id: QuestionId::random(),
        text: "Vilka underlag finns?".into(),
        curation: Curation::default(),
    };
    let dialogue = Dialogue {
        title: "Lägesbildsarbete".into(),
        meeting: Some(meeting.id.clone()),
        small_groups: vec![SmallGroup {
            id: SmallGroupId::random(),
            name: "Grupp 1".into(),
            members: vec![moa.id.clone()],
            answers: vec![Answer {
                question: question.id.clone(),
                text: "Polisens statistik".into(),
            }],
        }],
        questions: vec![question],
        ..Default::default()
    };
    ws.put(&rådet).unwrap();
    ws.put(&klara).unwrap();
    ws.put(&moa).unwrap();
    ws.put(&meeting).unwrap();
    ws.put(&action).unwrap();
    ws.put(&category).unwrap();
    ws.put(&event).unwrap();
    ws.put(&dialogue).unwrap();
    ws.commit(1_675_760_000_000);

    let loaded = WorkspaceDoc::load(&ws.save()).unwrap();
    assert_eq!(loaded.info().organisation, "Ånge kommun");
    assert_eq!(loaded.schema_version(), crate::doc::SCHEMA_VERSION);
    assert_eq!(loaded.get::<Group>(&rådet.id), Some(rådet));
    assert_eq!(loaded.list::<Group>().len(), 2);
    assert_eq!(loaded.get::<Person>(&moa.id), Some(moa));
    assert_eq!(loaded.get::<Meeting>(&meeting.id), Some(meeting));
    assert_eq!(loaded.get::<Action>(&action.id), Some(action));
    assert_eq!(loaded.get::<Category>(&category.id), Some(category));
    assert_eq!(loaded.get::<WheelEvent>(&event.id), Some(event));
    assert_eq!(loaded.get::<Dialogue>(&dialogue.id), Some(dialogue));
}

#[test]
fn two_people_typing_in_the_same_agenda_item_both_keep_their_words() {
    let mut lena = council();
    let mut meeting = meeting_with_agenda(vec![]);
    meeting.agenda[0].body = "Industriområdet är lugnare.".into();
    lena.put(&meeting).unwrap();
    let mut josef = lena.fork();

    let mut lenas = meeting.clone();
    lenas.agenda[0].body = "Industriområdet i Ånge är lugnare.".into();
    lena.put(&lenas).unwrap();
    let mut josefs = meeting.clone();
    josefs.agenda[0].body = "Industriområdet är lugnare än tidigare.".into();
    josef.put(&josefs).unwrap();

    lena.merge(&mut josef).unwrap();
    josef.merge(&mut lena).unwrap();
    let merged = "Industriområdet i Ånge är lugnare än tidigare.";
    assert_eq!(
        lena.get::<Meeting>(&meeting.id).unwrap().agenda[0].body,
        merged
    );
    assert_eq!(
        josef.get::<Meeting>(&meeting.id).unwrap().agenda[0].body,
        merged
    );
}

#[test]
fn moving_an_item_while_someone_types_in_it_keeps_both() {
    let mut a = council();
    let meeting = meeting_with_agenda(vec![]);
    a.put(&meeting).unwrap();
    let mut b = a.fork();

    let mut moved = meeting.clone();
    moved.agenda.swap(0, 2);
    a.put(&moved).unwrap();
    let mut typed = meeting.clone();
    typed.agenda[0].body = "Vi fortsätter följa utvecklingen.".into();
    b.put(&typed).unwrap();

    a.merge(&mut b).unwrap();
    let merged = a.get::<Meeting>(&meeting.id).unwrap();
    let headings: Vec<&str> = merged.agenda.iter().map(|i| i.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Lägesbildsarbete",
            "Framåtblick",
            "Summering och utvärdering av 2022"
        ]
    );
    assert_eq!(merged.agenda[2].body, "Vi fortsätter följa utvecklingen.");
}

#[test]
fn concurrent_reorders_never_duplicate_or_lose_items() {
    let mut a = council();
    let meeting = meeting_with_agenda(vec![]);
    a.put(&meeting).unwrap();
    let mut b = a.fork();
    let mut first = meeting.clone();
    first.agenda.rotate_left(1);
    a.put(&first).unwrap();
    let mut second = meeting.clone();
    second.agenda.swap(0, 1);
    second.agenda.push(AgendaItem {
        id: AgendaItemId::random(),
        heading: "Övriga frågor".into(),
        body: String::new(),
    });
    b.put(&second).unwrap();

    a.merge(&mut b).unwrap();
    let merged = a.get::<Meeting>(&meeting.id).unwrap();
    let mut headings: Vec<String> = merged.agenda.iter().map(|i| i.heading.clone()).collect();
    headings.sort();
    assert_eq!(
        headings,
        [
            "Framåtblick",
            "Lägesbildsarbete",
            "Summering och utvärdering av 2022",
            "Övriga frågor"
        ]
    );
}

#[test]
fn edits_to_different_fields_of_one_person_both_survive() {
    let mut a = council();
    let per = Person {
        id: PersonId::random(),
        name: "Per Håkansson".into(),
        role: String::new(),
        organisation: String::new(),
        groups: vec![],
    };
    a.put(&per).unwrap();
    let mut b = a.fork();
    a.put(&Person {
        role: "rektor".into(),
        ..per.clone()
    })
    .unwrap();
    b.put(&Person {
        organisation: "Ånge kommun".into(),
        ..per.clone()
    })
    .unwrap();
    a.merge(&mut b).unwrap();
    let merged = a.get::<Person>(&per.id).unwrap();
    assert_eq!(
        (merged.role.as_str(), merged.organisation.as_str()),
        ("rektor", "Ånge kommun")
    );
}

#[test]
fn approved_minutes_are_read_only_until_reopened() {
    let mut ws = council();
    let meeting = meeting_with_agenda(vec![]);
    ws.put(&meeting).unwrap();
    let approve = StatusChange {
        status: MeetingStatus::Approved,
        by: "Moa Magnusson".into(),
        at_ms: 1,
    };
    ws.set_meeting_status(&meeting.id, &approve).unwrap();
    assert!(!ws.is_editable(&meeting.id));
    let edited = Meeting {
        title: "Ändrad".into(),
        ..meeting.clone()
    };
    assert!(matches!(ws.put(&edited), Err(DocError::Approved)));

    let reopen = StatusChange {
        status: MeetingStatus::Draft,
        by: "Lena Bjelkström".into(),
        at_ms: 2,
    };
    ws.set_meeting_status(&meeting.id, &reopen).unwrap();
    ws.put(&edited).unwrap();
    let stored = ws.get::<Meeting>(&meeting.id).unwrap();
    assert_eq!(stored.title, "Ändrad");
    assert_eq!(stored.status_log, vec![approve, reopen]);
}

#[test]
fn one_agenda_text_is_written_alone_and_refused_once_approved() {
    let mut ws = council();
    let meeting = meeting_with_agenda(vec![]);
    ws.put(&meeting).unwrap();
    let item = &meeting.agenda[1];
    let typed = "Kulturnatten 26 maj.\n- Polisen deltar";
    assert!(
        ws.put_agenda_text(&meeting.id, &item.id, AgendaText::Body, typed)
            .unwrap()
    );
    assert!(
        ws.put_agenda_text(&meeting.id, &item.id, AgendaText::Heading, "Framåt")
            .unwrap()
    );
    let mut expected = meeting.clone();
    expected.agenda[1].body = typed.into();
    expected.agenda[1].heading = "Framåt".into();
    expected.status = MeetingStatus::Draft;
    assert_eq!(ws.get::<Meeting>(&meeting.id), Some(expected));

    let gone = AgendaItemId::random();
    assert!(
        !ws.put_agenda_text(&meeting.id, &gone, AgendaText::Body, "x")
            .unwrap()
    );
    assert!(
        !ws.put_agenda_text(&MeetingId::random(), &item.id, AgendaText::Body, "x")
            .unwrap()
    );
    let approve = StatusChange {
        status: MeetingStatus::Approved,
        by: "Moa Magnusson".into(),
        at_ms: 1,
    };
    ws.set_meeting_status(&meeting.id, &approve).unwrap();
    assert!(matches!(
        ws.put_agenda_text(&meeting.id, &item.id, AgendaText::Body, "sent"),
        Err(DocError::Approved)
    ));
}

#[test]
fn incremental_saves_rebuild_the_document() {
    let mut ws = council();
    let base = ws.save();
    let group = Group {
        id: GroupId::random(),
        name: "Klara-gruppen".into(),
        description: String::new(),
    };
    ws.put(&group).unwrap();
    let increment = ws.save_incremental();
    let mut loaded = WorkspaceDoc::load(&base).unwrap();
    loaded.load_incremental(&increment).unwrap();
    assert_eq!(loaded.get::<Group>(&group.id), Some(group));
}

/// A version-0 document as early prototypes wrote it: no version field, no
/// collections but meetings, and the agenda as an inline list.
fn version_zero_document() -> Vec<u8> {
    let mut doc = automerge::AutoCommit::new();
    let workspace = doc
        .put_object(automerge::ROOT, "workspace", ObjType::Map)
        .unwrap();
    doc.put(&workspace, "name", "Trygghetsrådet").unwrap();
    let meetings = doc
        .put_object(automerge::ROOT, "meetings", ObjType::Map)
        .unwrap();
    let meeting = doc.put_object(&meetings, "m1", ObjType::Map).unwrap();
    doc.put(&meeting, "title", "Möte").unwrap();
    let agenda = doc.put_object(&meeting, "agenda", ObjType::List).unwrap();
    for (index, (heading, body)) in [("Summering", "- punkt"), ("Nästa möte", "11 maj")]
        .into_iter()
        .enumerate()
    {
        let item = doc.insert_object(&agenda, index, ObjType::Map).unwrap();
        doc.put(&item, "heading", heading).unwrap();
        let text = doc.put_object(&item, "body", ObjType::Text).unwrap();
        doc.splice_text(&text, 0, 0, body).unwrap();
    }
    doc.save()
}

#[test]
fn a_version_zero_document_is_migrated_at_load() {
    let mut ws = WorkspaceDoc::load(&version_zero_document()).unwrap();
    assert_eq!(ws.schema_version(), 1);
    let meeting = ws.get::<Meeting>(&MeetingId::from("m1")).unwrap();
    let items: Vec<(&str, &str)> = meeting
        .agenda
        .iter()
        .map(|i| (i.heading.as_str(), i.body.as_str()))
        .collect();
    assert_eq!(items, [("Summering", "- punkt"), ("Nästa möte", "11 maj")]);
    // The migrated document is a normal one: people can be added and it reloads.
    let person = Person {
        id: PersonId::random(),
        name: "Moa".into(),
        role: String::new(),
        organisation: String::new(),
        groups: vec![],
    };
    ws.put(&person).unwrap();
    let reloaded = WorkspaceDoc::load(&ws.save()).unwrap();
    assert_eq!(reloaded.list::<Person>(), vec![person]);
    assert_eq!(
        reloaded.get::<Meeting>(&meeting.id).unwrap().agenda,
        meeting.agenda
    );
}

#[test]
fn documents_that_are_not_workspaces_are_refused() {
    assert!(matches!(
        WorkspaceDoc::load(b"not automerge at all"),
        Err(DocError::Automerge(_))
    ));
    let mut empty = automerge::AutoCommit::new();
    empty.put(automerge::ROOT, "something", "else").unwrap();
    assert!(matches!(
        WorkspaceDoc::load(&empty.save()),
        Err(DocError::NotAWorkspace)
    ));
}

#[test]
fn a_change_from_a_newer_release_opens_the_last_readable_state() {
    let mut ws = council();
    let mut raw = automerge::AutoCommit::load(&ws.save()).unwrap();
    raw.put(automerge::ROOT, "schemaVersion", 99_u64).unwrap();
    let opened = WorkspaceDoc::load(&raw.save()).unwrap();
    assert_eq!(opened.unreadable().and_then(|u| u.newer_schema), Some(99));
    assert_eq!(opened.info(), ws.info());
}

#[test]
fn each_replica_says_whom_it_writes_for() {
    let mut moa_device = council();
    let moa = PersonId::random();
    moa_device.sign_as(&moa).unwrap();
    let mut josef_device = moa_device.fork();
    let josef = PersonId::random();
    josef_device.sign_as(&josef).unwrap();
    moa_device.merge(&mut josef_device).unwrap();
    assert_ne!(moa_device.actor(), josef_device.actor());
    assert_eq!(moa_device.person_of_actor(&moa_device.actor()), Some(moa));
    assert_eq!(
        moa_device.person_of_actor(&josef_device.actor()),
        Some(josef)
    );
    assert_eq!(moa_device.person_of_actor("ffff"), None);
}

#[test]
fn a_question_stored_before_curation_gets_its_containers_at_load() {
    let mut ws = council();
    let question = QuestionId::random();
    let dialogue = Dialogue {
        title: "Lägesbildsarbete".into(),
        questions: vec![Question {
            id: question.clone(),
            text: "Vilka underlag finns?".into(),
            curation: Curation::default(),
        }],
        ..Default::default()
    };
    ws.put(&dialogue).unwrap();
    // As a release before curation was stored left it: the text only.
    let obj = [
        "dialogues",
        dialogue.id.as_str(),
        "questions",
        question.as_str(),
    ]
    .into_iter()
    .fold(ROOT, |parent, key| {
        access::object(&ws.doc, &parent, key).unwrap()
    });
    for key in [
        entity::POINT_INCLUDED,
        entity::POINT_MERGED_INTO,
        entity::POINT_ORDER,
    ] {
        ws.doc.delete(&obj, key).unwrap();
    }
    ws.commit(1);
    assert!(matches!(
        ws.curate(&dialogue.id, &question, &[CurationEdit::Order(vec![])]),
        Err(DocError::MissingContainer(_))
    ));

    let mut loaded = WorkspaceDoc::load(&ws.save()).unwrap();
    let point = PointKey("0123456789abcdef".into());
    loaded
        .curate(
            &dialogue.id,
            &question,
            &[
                CurationEdit::Include {
                    point: point.clone(),
                    included: false,
                },
                CurationEdit::Order(vec![point.clone()]),
            ],
        )
        .unwrap();
    let curation = &loaded.get::<Dialogue>(&dialogue.id).unwrap().questions[0].curation;
    assert_eq!(curation.included.get(&point), Some(&false));
    assert_eq!(curation.order, [point]);
    assert!(loaded.conflicting_containers(false).is_empty());
}

#[test]
fn the_origin_is_the_first_change_shared_by_replicas_and_not_by_another_workspace() {
    let mut here = council();
    here.commit(1);
    let first = here
        .whole()
        .get_changes(&[])
        .first()
        .map(|c| c.hash().to_string());
    let mut there = WorkspaceDoc::load(&here.save()).unwrap();
    there.put(&meeting_with_agenda(Vec::new())).unwrap();
    there.commit(2);
    here.merge(&mut there).unwrap();
    assert_eq!(here.origin(), first);
    assert_eq!(there.origin(), first);
    assert_ne!(council().origin(), first);
}
