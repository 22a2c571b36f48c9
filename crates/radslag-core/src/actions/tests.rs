use super::export::{BOM, Names, to_csv};
use super::*;
use crate::ids::*;
use crate::model::*;
use crate::time::{
    stockholm_datetime_ms, stockholm_offset_at_utc, stockholm_today, stockholm_today_ms,
};
use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The council from the minutes of 2023-02-07.
struct Council {
    radet: Group,
    klara: Group,
    moa: Person,
    josef: Person,
    per: Person,
    meeting: Meeting,
    next: Meeting,
    kulturnatten: WheelEvent,
}

fn council() -> Council {
    let radet = Group {
        id: GroupId::random(),
        name: "Trygghetsrådet".into(),
        description: String::new(),
    };
    let klara = Group {
        id: GroupId::random(),
        name: "Klara-gruppen".into(),
        description: String::new(),
    };
    let person = |name: &str, role: &str, org: &str, groups: Vec<GroupId>| Person {
        id: PersonId::random(),
        name: name.into(),
        role: role.into(),
        organisation: org.into(),
        groups,
    };
    let moa = person(
        "Moa Magnusson",
        "folkhälsostrateg",
        "Ånge kommun",
        vec![radet.id.clone(), klara.id.clone()],
    );
    let josef = person(
        "Josef Wiklund",
        "kommunpolis",
        "Polisen Ånge",
        vec![radet.id.clone()],
    );
    let per = person(
        "Per Håkansson",
        "rektor",
        "Ånge kommun",
        vec![klara.id.clone()],
    );
    let meeting = Meeting {
        title: "Trygghetsrådet och Klara-gruppen utvärderar och planerar".into(),
        groups: vec![radet.id.clone(), klara.id.clone()],
        date: Some(d("2023-02-07")),
        ..Default::default()
    };
    let next = Meeting {
        title: "Trygghetsrådet".into(),
        groups: vec![radet.id.clone()],
        date: Some(d("2023-05-11")),
        ..Default::default()
    };
    let kulturnatten = WheelEvent {
        title: "Kulturnatten".into(),
        start: Some(d("2023-05-26")),
        end: Some(d("2023-05-26")),
        groups: vec![klara.id.clone()],
        ..Default::default()
    };
    Council {
        radet,
        klara,
        moa,
        josef,
        per,
        meeting,
        next,
        kulturnatten,
    }
}

impl Council {
    fn register(&self) -> Register {
        Register::new(
            &[self.meeting.clone(), self.next.clone()],
            &[self.moa.clone(), self.josef.clone(), self.per.clone()],
            std::slice::from_ref(&self.kulturnatten),
        )
    }

    fn names(&self) -> Names {
        Names::new(
            &[self.radet.clone(), self.klara.clone()],
            &[self.moa.clone(), self.josef.clone(), self.per.clone()],
            &[self.meeting.clone(), self.next.clone()],
            std::slice::from_ref(&self.kulturnatten),
        )
    }

    /// The responsibilities in the minutes, as actions.
    fn actions(&self) -> Vec<Action> {
        vec![
            Action {
                text: "Planera medborgardialog på Kulturnatten".into(),
                owners: vec![
                    Owner::Person(self.moa.id.clone()),
                    Owner::Organisation("Polisen Ånge".into()),
                ],
                due: Some(d("2023-05-01")),
                status: ActionStatus::InProgress,
                source_meeting: Some(self.meeting.id.clone()),
                wheel_event: Some(self.kulturnatten.id.clone()),
                ..Default::default()
            },
            Action {
                text: "Fältarna träffar föräldravandrarna igen".into(),
                owners: vec![Owner::Organisation("Fältarna".into())],
                due: Some(d("2023-03-15")),
                status: ActionStatus::NotStarted,
                source_meeting: Some(self.meeting.id.clone()),
                ..Default::default()
            },
            Action {
                text: "Sammanställ dialogmaterialet om lägesbilden".into(),
                owners: vec![Owner::Person(self.moa.id.clone())],
                due: Some(d("2023-05-11")),
                status: ActionStatus::Done,
                source_meeting: Some(self.meeting.id.clone()),
                ..Default::default()
            },
            Action {
                text: "Följ utvecklingen i industriområdet".into(),
                owners: vec![Owner::Person(self.josef.id.clone())],
                due: None,
                status: ActionStatus::NotStarted,
                ..Default::default()
            },
            Action {
                text: "Tätare dialog med Ånge-modellen unga".into(),
                owners: vec![Owner::Person(self.per.id.clone())],
                due: Some(d("2023-02-20")),
                status: ActionStatus::Cancelled,
                ..Default::default()
            },
        ]
    }
}

fn texts(actions: &[Action]) -> Vec<&str> {
    actions.iter().map(|a| a.text.as_str()).collect()
}

#[test]
fn an_actions_groups_come_from_its_meeting_its_people_and_its_wheel_event() {
    let c = council();
    let reg = c.register();
    let actions = c.actions();
    let both: BTreeSet<GroupId> = [c.radet.id.clone(), c.klara.id.clone()].into();
    assert_eq!(reg.groups_of(&actions[0]), both);
    // No meeting: the owner's groups.
    assert_eq!(reg.groups_of(&actions[3]), [c.radet.id.clone()].into());
    assert_eq!(reg.groups_of(&actions[4]), [c.klara.id.clone()].into());
    // An organisation alone gives no group; a wheel event does.
    let org_only = Action {
        owners: vec![Owner::Organisation("Polisen Ånge".into())],
        ..Default::default()
    };
    assert!(reg.groups_of(&org_only).is_empty());
    let at_event = Action {
        wheel_event: Some(c.kulturnatten.id.clone()),
        ..org_only
    };
    assert_eq!(reg.groups_of(&at_event), [c.klara.id.clone()].into());
}

#[test]
fn filters_by_group_owner_status_overdue_and_month() {
    let c = council();
    let reg = c.register();
    let actions = c.actions();
    let today = d("2023-03-20");
    let apply = |f: ActionFilter| {
        texts(&f.apply(&actions, &reg, today))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };

    assert_eq!(apply(ActionFilter::default()).len(), 5);
    // Sorted by due date, no date last.
    assert_eq!(
        apply(ActionFilter::default()),
        [
            "Tätare dialog med Ånge-modellen unga",
            "Fältarna träffar föräldravandrarna igen",
            "Planera medborgardialog på Kulturnatten",
            "Sammanställ dialogmaterialet om lägesbilden",
            "Följ utvecklingen i industriområdet",
        ]
    );
    assert_eq!(
        apply(ActionFilter {
            group: Some(c.klara.id.clone()),
            ..Default::default()
        }),
        [
            "Tätare dialog med Ånge-modellen unga",
            "Fältarna träffar föräldravandrarna igen",
            "Planera medborgardialog på Kulturnatten",
            "Sammanställ dialogmaterialet om lägesbilden",
        ]
    );
    assert_eq!(
        apply(ActionFilter {
            owner: Some(Owner::Organisation("Polisen Ånge".into())),
            ..Default::default()
        }),
        ["Planera medborgardialog på Kulturnatten"]
    );
    assert_eq!(
        apply(ActionFilter {
            owner: Some(Owner::Person(c.moa.id.clone())),
            status: StatusFilter::Open,
            ..Default::default()
        }),
        ["Planera medborgardialog på Kulturnatten"]
    );
    assert_eq!(
        apply(ActionFilter {
            status: StatusFilter::Is(ActionStatus::Done),
            ..Default::default()
        }),
        ["Sammanställ dialogmaterialet om lägesbilden"]
    );
    // Overdue: open and due before today; the cancelled one is not overdue.
    assert_eq!(
        apply(ActionFilter {
            overdue: true,
            ..Default::default()
        }),
        ["Fältarna träffar föräldravandrarna igen"]
    );
    assert_eq!(
        apply(ActionFilter {
            due_this_month: true,
            ..Default::default()
        }),
        ["Fältarna träffar föräldravandrarna igen"]
    );
    assert_eq!(
        apply(ActionFilter {
            due_this_month: true,
            overdue: true,
            group: Some(c.radet.id.clone()),
            ..Default::default()
        }),
        ["Fältarna träffar föräldravandrarna igen"]
    );
    assert!(
        apply(ActionFilter {
            due_this_month: true,
            status: StatusFilter::Is(ActionStatus::Done),
            ..Default::default()
        })
        .is_empty()
    );
}

#[test]
fn mina_atgarder_are_the_persons_own_and_their_organisations() {
    let c = council();
    let reg = c.register();
    let actions = c.actions();
    let today = d("2023-03-20");
    let mine = |p: &Person| {
        texts(
            &ActionFilter {
                mine: Some(p.id.clone()),
                ..Default::default()
            }
            .apply(&actions, &reg, today),
        )
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>()
    };
    assert_eq!(
        mine(&c.moa),
        [
            "Planera medborgardialog på Kulturnatten",
            "Sammanställ dialogmaterialet om lägesbilden"
        ]
    );
    // Josef works for Polisen Ånge, which owns the Kulturnatten planning.
    assert_eq!(
        mine(&c.josef),
        [
            "Planera medborgardialog på Kulturnatten",
            "Följ utvecklingen i industriområdet"
        ]
    );
    assert_eq!(mine(&c.per), ["Tätare dialog med Ånge-modellen unga"]);
    // The organisation matches whatever its case and spacing.
    let loose = Action {
        owners: vec![Owner::Organisation(" polisen  ånge".into())],
        ..Default::default()
    };
    assert!(reg.is_owned_by(&loose, &c.josef.id));
    assert!(!reg.is_owned_by(&loose, &c.moa.id));
}

#[test]
fn counts_per_status_and_overdue() {
    let c = council();
    let counts = counts(&c.actions(), d("2023-05-02"));
    assert_eq!(
        counts,
        StatusCounts {
            not_started: 2,
            in_progress: 1,
            done: 1,
            cancelled: 1,
            overdue: 2
        }
    );
    assert_eq!(counts.total(), 5);
    assert_eq!(counts.of(ActionStatus::InProgress), 1);
}

#[test]
fn sorting_is_stable_across_devices() {
    let mut a = vec![
        Action {
            id: "b".into(),
            text: "Samma".into(),
            due: Some(d("2023-05-01")),
            ..Default::default()
        },
        Action {
            id: "c".into(),
            text: "Utan datum".into(),
            due: None,
            ..Default::default()
        },
        Action {
            id: "a".into(),
            text: "Samma".into(),
            due: Some(d("2023-05-01")),
            ..Default::default()
        },
        Action {
            id: "d".into(),
            text: "Tidig".into(),
            due: Some(d("2023-01-01")),
            ..Default::default()
        },
    ];
    sort_by_due(&mut a);
    let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["d", "a", "b", "c"]);
}

#[test]
fn follow_up_lists_the_open_actions_of_the_meetings_groups() {
    let c = council();
    let reg = c.register();
    let actions = c.actions();
    // Trygghetsrådet's next meeting: the open actions of Trygghetsrådet.
    assert_eq!(
        texts(&follow_up_for_meeting(&actions, &c.next, &reg)),
        [
            "Fältarna träffar föräldravandrarna igen",
            "Planera medborgardialog på Kulturnatten",
            "Följ utvecklingen i industriområdet",
        ]
    );
    // The meeting that decided them does not follow them up.
    assert_eq!(
        texts(&follow_up_for_meeting(&actions, &c.meeting, &reg)),
        ["Följ utvecklingen i industriområdet"]
    );
    // Nor does an earlier meeting follow up a later one's actions.
    let earlier = Meeting {
        groups: vec![c.radet.id.clone()],
        date: Some(d("2023-01-10")),
        ..Default::default()
    };
    assert_eq!(
        texts(&follow_up_for_meeting(&actions, &earlier, &reg)),
        ["Följ utvecklingen i industriområdet"]
    );
    // Klara-gruppen alone.
    assert_eq!(
        texts(&open_actions_for_groups(
            &actions,
            std::slice::from_ref(&c.klara.id),
            &reg
        )),
        [
            "Fältarna träffar föräldravandrarna igen",
            "Planera medborgardialog på Kulturnatten"
        ]
    );
    assert!(open_actions_for_groups(&actions, &[], &reg).is_empty());
}

#[test]
fn a_new_meetings_agenda_gets_the_follow_up_item_once() {
    let mut meeting = Meeting {
        agenda: vec![AgendaItem {
            id: AgendaItemId::random(),
            heading: "Övriga frågor".into(),
            body: String::new(),
        }],
        ..Default::default()
    };
    assert!(add_follow_up_item(&mut meeting));
    assert_eq!(meeting.agenda[0].heading, FOLLOW_UP_HEADING);
    assert!(!add_follow_up_item(&mut meeting));
    assert_eq!(meeting.agenda.len(), 2);
    assert!(is_follow_up_heading("  uppföljning av ÅTGÄRDER "));
}

#[test]
fn statuses_round_trip_through_codes_and_filters() {
    for status in STATUSES {
        assert_eq!(parse_status_code(status_code(status)), Some(status));
        assert_eq!(
            StatusFilter::from_code(StatusFilter::Is(status).code()),
            StatusFilter::Is(status)
        );
    }
    assert_eq!(StatusFilter::from_code("open"), StatusFilter::Open);
    assert_eq!(StatusFilter::from_code("all"), StatusFilter::All);
    assert_eq!(StatusFilter::from_code("nonsense"), StatusFilter::All);
    assert_eq!(status_sv(ActionStatus::NotStarted), "Ej påbörjad");
    assert_eq!(status_sv(ActionStatus::Cancelled), "Struken");
}

// Today in Europe/Stockholm.

#[test]
fn today_in_stockholm_around_midnight() {
    // Winter (CET, UTC+1): 23:30 UTC is already tomorrow in Stockholm.
    assert_eq!(
        stockholm_today(utc("2023-01-15T22:59:59Z")),
        d("2023-01-15")
    );
    assert_eq!(
        stockholm_today(utc("2023-01-15T23:00:00Z")),
        d("2023-01-16")
    );
    assert_eq!(
        stockholm_today(utc("2023-01-15T23:30:00Z")),
        d("2023-01-16")
    );
    // Summer (CEST, UTC+2): 22:00 UTC is midnight.
    assert_eq!(
        stockholm_today(utc("2023-06-15T21:59:59Z")),
        d("2023-06-15")
    );
    assert_eq!(
        stockholm_today(utc("2023-06-15T22:00:00Z")),
        d("2023-06-16")
    );
    // New Year's Eve.
    assert_eq!(
        stockholm_today(utc("2023-12-31T23:00:00Z")),
        d("2024-01-01")
    );
    assert_eq!(
        stockholm_today_ms(utc("2023-12-31T22:59:59Z").timestamp_millis()),
        d("2023-12-31")
    );
}

#[test]
fn today_in_stockholm_across_the_daylight_saving_changes() {
    // 2023-03-26: clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC.
    assert_eq!(stockholm_offset_at_utc(utc("2023-03-26T00:59:59Z")), 1);
    assert_eq!(stockholm_offset_at_utc(utc("2023-03-26T01:00:00Z")), 2);
    // The evening before: still winter time.
    assert_eq!(
        stockholm_today(utc("2023-03-25T22:59:59Z")),
        d("2023-03-25")
    );
    assert_eq!(
        stockholm_today(utc("2023-03-25T23:00:00Z")),
        d("2023-03-26")
    );
    // The evening of the change: summer time, midnight at 22:00 UTC.
    assert_eq!(
        stockholm_today(utc("2023-03-26T21:59:59Z")),
        d("2023-03-26")
    );
    assert_eq!(
        stockholm_today(utc("2023-03-26T22:00:00Z")),
        d("2023-03-27")
    );
    // 2023-10-29: back from 03:00 CEST to 02:00 CET at 01:00 UTC.
    assert_eq!(stockholm_offset_at_utc(utc("2023-10-29T00:59:59Z")), 2);
    assert_eq!(stockholm_offset_at_utc(utc("2023-10-29T01:00:00Z")), 1);
    assert_eq!(stockholm_offset_at_utc(utc("2023-10-29T01:30:00Z")), 1);
    assert_eq!(
        stockholm_today(utc("2023-10-28T21:59:59Z")),
        d("2023-10-28")
    );
    assert_eq!(
        stockholm_today(utc("2023-10-28T22:00:00Z")),
        d("2023-10-29")
    );
    assert_eq!(
        stockholm_today(utc("2023-10-29T22:59:59Z")),
        d("2023-10-29")
    );
    assert_eq!(
        stockholm_today(utc("2023-10-29T23:00:00Z")),
        d("2023-10-30")
    );
}

#[test]
fn today_in_stockholm_agrees_with_the_tz_database() {
    let tz = chrono_tz::Europe::Stockholm;
    // Every 20 minutes through two years, and each side of every change.
    let start = utc("2023-01-01T00:00:00Z");
    for step in 0..(2 * 366 * 24 * 3) {
        let now = start + Duration::minutes(20 * step);
        assert_eq!(
            stockholm_today(now),
            now.with_timezone(&tz).date_naive(),
            "{now}"
        );
    }
    for year in 2020..2040 {
        for instant in [
            format!("{year}-03-01T01:00:00Z"),
            format!("{year}-10-01T01:00:00Z"),
        ] {
            let month_start = utc(&instant);
            for day in 0..31 {
                for minutes in [-1, 0, 1, 59, 60, 61] {
                    let now = month_start + Duration::days(day) + Duration::minutes(minutes);
                    let local = now.with_timezone(&tz);
                    let offset = local.offset().fix().local_minus_utc() / 3600;
                    assert_eq!(stockholm_offset_at_utc(now), i64::from(offset), "{now}");
                    assert_eq!(stockholm_today(now), local.date_naive(), "{now}");
                }
            }
        }
    }
    let _ = Utc.timestamp_opt(0, 0);
}

#[test]
fn history_times_are_stockholm_wall_clock() {
    let at = |s: &str| {
        stockholm_datetime_ms(utc(s).timestamp_millis())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    assert_eq!(at("2023-02-07T12:05:00Z"), "2023-02-07 13:05");
    assert_eq!(at("2023-06-15T22:30:00Z"), "2023-06-16 00:30");
    assert_eq!(at("2023-10-29T00:30:00Z"), "2023-10-29 02:30");
    assert_eq!(at("2023-10-29T01:30:00Z"), "2023-10-29 02:30");
}

#[test]
fn overdue_is_judged_by_the_stockholm_date() {
    let action = Action {
        due: Some(d("2023-06-15")),
        ..Default::default()
    };
    // 23:30 Stockholm time on the due date: not overdue yet.
    assert!(!is_overdue(
        &action,
        stockholm_today(utc("2023-06-15T21:30:00Z"))
    ));
    // 00:30 Stockholm time the day after (22:30 UTC on the due date): overdue.
    assert!(is_overdue(
        &action,
        stockholm_today(utc("2023-06-15T22:30:00Z"))
    ));
    // Done or cancelled actions are never overdue.
    let done = Action {
        status: ActionStatus::Done,
        ..action.clone()
    };
    assert!(!is_overdue(&done, d("2024-01-01")));
    let cancelled = Action {
        status: ActionStatus::Cancelled,
        ..action.clone()
    };
    assert!(!is_overdue(&cancelled, d("2024-01-01")));
    // No due date: never overdue.
    assert!(!is_overdue(&Action::default(), d("2024-01-01")));
}

// CSV for Excel.

#[test]
fn csv_export_bytes_for_swedish_excel() {
    let c = council();
    let mut actions = c.actions();
    actions.truncate(2);
    actions[1].text = "- Fältarna träffar\n\"föräldravandrarna\"; igen".into();
    let bytes = to_csv(&actions, &c.names(), &c.register(), d("2023-03-20"));
    assert!(bytes.starts_with(BOM));
    let text = std::str::from_utf8(&bytes[BOM.len()..]).unwrap();
    let expected = concat!(
        "Åtgärd;Ansvariga;Klart senast;Status;Försenad;Grupper;Från möte;Årshjulet\r\n",
        "Planera medborgardialog på Kulturnatten;Moa Magnusson, Polisen Ånge;2023-05-01;Pågår;;Klara-gruppen, Trygghetsrådet;",
        "Trygghetsrådet och Klara-gruppen utvärderar och planerar (2023-02-07);Kulturnatten\r\n",
        "\"'- Fältarna träffar\n\"\"föräldravandrarna\"\"; igen\";Fältarna;2023-03-15;Ej påbörjad;Ja;Klara-gruppen, Trygghetsrådet;",
        "Trygghetsrådet och Klara-gruppen utvärderar och planerar (2023-02-07);\r\n",
    );
    assert_eq!(text, expected);
    // The UTF-8 bytes of "Åtgärd" right after the BOM.
    assert_eq!(&bytes[3..11], "Åtgärd".as_bytes());
    assert_eq!(&bytes[3..5], &[0xC3, 0x85]);
}

#[test]
fn csv_reads_back_with_a_csv_reader() {
    let c = council();
    let actions = c.actions();
    let bytes = to_csv(&actions, &c.names(), &c.register(), d("2023-03-20"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[BOM.len()..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), export::HEADERS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), actions.len());
    assert_eq!(&rows[3][0], "Följ utvecklingen i industriområdet");
    assert_eq!(&rows[3][2], "");
    assert_eq!(&rows[4][3], "Struken");
    assert_eq!(&rows[4][4], "");
    assert_eq!(
        export::file_name(d("2023-03-20")),
        "atgarder-2023-03-20.csv"
    );
}

#[test]
fn csv_names_an_unknown_person() {
    let c = council();
    let action = Action {
        owners: vec![Owner::Person(PersonId::random())],
        ..Default::default()
    };
    let bytes = to_csv(&[action], &c.names(), &c.register(), d("2023-03-20"));
    assert!(String::from_utf8(bytes).unwrap().contains(";okänd person;"));
}

// Through the document: history and merges.

fn workspace() -> crate::WorkspaceDoc {
    crate::WorkspaceDoc::create(&WorkspaceInfo {
        name: "Trygghetsrådet och Klara-gruppen".into(),
        organisation: "Ånge kommun".into(),
    })
    .unwrap()
}

#[test]
fn status_history_says_who_and_when() {
    let c = council();
    let mut moa_device = workspace();
    moa_device.put(&c.moa).unwrap();
    moa_device.put(&c.josef).unwrap();
    moa_device.sign_as(&c.moa.id).unwrap();
    let action = c.actions().remove(1);
    moa_device.put(&action).unwrap();
    moa_device.commit(1_000);
    // Moa edits the text: no status event.
    moa_device
        .put(&Action {
            text: "Fältarna träffar gruppen igen".into(),
            ..action.clone()
        })
        .unwrap();
    moa_device.commit(2_000);

    let mut josef_device = moa_device.fork();
    josef_device.sign_as(&c.josef.id).unwrap();
    let mut current = josef_device.get::<Action>(&action.id).unwrap();
    current.status = ActionStatus::InProgress;
    josef_device.put(&current).unwrap();
    josef_device.commit(3_000);
    current.status = ActionStatus::Done;
    josef_device.put(&current).unwrap();
    josef_device.commit(4_000);
    moa_device.merge(&mut josef_device).unwrap();

    let history = moa_device.action_status_history(&action.id);
    let seen: Vec<(ActionStatus, i64, Option<PersonId>)> = history
        .iter()
        .map(|e| (e.status, e.at_ms, e.person.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (ActionStatus::NotStarted, 1_000, Some(c.moa.id.clone())),
            (ActionStatus::InProgress, 3_000, Some(c.josef.id.clone())),
            (ActionStatus::Done, 4_000, Some(c.josef.id.clone())),
        ]
    );
    assert_eq!(history[1].actor, josef_device.actor());
    // Other actions and unknown ids have their own (or no) history.
    assert!(
        moa_device
            .action_status_history(&ActionId::random())
            .is_empty()
    );
    // The history survives save and load.
    let loaded = crate::WorkspaceDoc::load(&moa_device.save()).unwrap();
    assert_eq!(loaded.action_status_history(&action.id), history);
    // Several at once, decoding the history once: the same events.
    let other = c.actions().remove(0);
    moa_device.put(&other).unwrap();
    moa_device.commit(5_000);
    let unknown = ActionId::random();
    let both = moa_device.action_status_histories(&[action.id.clone(), other.id.clone(), unknown]);
    assert_eq!(both.len(), 2);
    assert_eq!(both[&action.id], history);
    assert_eq!(both[&other.id], moa_device.action_status_history(&other.id));
    assert_eq!(both[&other.id].len(), 1);
}

#[test]
fn concurrent_status_edits_converge_on_one_value() {
    let c = council();
    let action = c.actions().remove(1);
    for round in 0..8 {
        let mut a = workspace();
        a.put(&action).unwrap();
        a.commit(1_000);
        let mut b = a.fork();
        let mut on_a = action.clone();
        on_a.status = ActionStatus::Done;
        a.put(&on_a).unwrap();
        a.commit(2_000 + round);
        let mut on_b = action.clone();
        on_b.status = ActionStatus::Cancelled;
        b.put(&on_b).unwrap();
        b.commit(2_000);
        // Merged in either order, both replicas agree.
        let mut b2 = b.fork();
        a.merge(&mut b).unwrap();
        b2.merge(&mut a).unwrap();
        let status_a = a.get::<Action>(&action.id).unwrap().status;
        let status_b = b2.get::<Action>(&action.id).unwrap().status;
        assert_eq!(status_a, status_b);
        assert!(matches!(
            status_a,
            ActionStatus::Done | ActionStatus::Cancelled
        ));
        // Automerge picks the write with the greater op id: same counter, so
        // the greater actor id wins, whatever the clocks said.
        let winner = if a.actor() > b.actor() {
            ActionStatus::Done
        } else {
            ActionStatus::Cancelled
        };
        let merged_history = a.action_status_history(&action.id);
        assert_eq!(merged_history.len(), 3);
        assert_eq!(status_a, winner, "round {round}");
    }
}

#[test]
fn a_status_edit_concurrent_with_a_text_edit_keeps_both() {
    let c = council();
    let action = c.actions().remove(0);
    let mut a = workspace();
    a.put(&action).unwrap();
    a.commit(1_000);
    let mut b = a.fork();
    a.put(&Action {
        status: ActionStatus::Done,
        ..action.clone()
    })
    .unwrap();
    a.commit(2_000);
    b.put(&Action {
        text: "Planera medborgardialog på Kulturnatten 26 maj".into(),
        ..action.clone()
    })
    .unwrap();
    b.commit(2_000);
    // And a third: a new owner and due date.
    let mut third = b.fork();
    let mut seen_by_third = third.get::<Action>(&action.id).unwrap();
    seen_by_third.owners.push(Owner::Person(c.josef.id.clone()));
    seen_by_third.due = Some(d("2023-05-20"));
    third.put(&seen_by_third).unwrap();
    third.commit(2_500);
    a.merge(&mut b).unwrap();
    a.merge(&mut third).unwrap();
    let merged = a.get::<Action>(&action.id).unwrap();
    assert_eq!(merged.status, ActionStatus::Done);
    assert_eq!(
        merged.text,
        "Planera medborgardialog på Kulturnatten 26 maj"
    );
    assert_eq!(merged.owners.len(), 3);
    assert_eq!(merged.due, Some(d("2023-05-20")));
}

#[test]
fn register_and_names_from_a_document() {
    let c = council();
    let mut ws = workspace();
    for g in [&c.radet, &c.klara] {
        ws.put(g).unwrap();
    }
    for p in [&c.moa, &c.josef, &c.per] {
        ws.put(p).unwrap();
    }
    ws.put(&c.meeting).unwrap();
    ws.put(&c.kulturnatten).unwrap();
    let reg = Register::from_doc(&ws);
    let names = Names::from_doc(&ws);
    let actions = c.actions();
    assert_eq!(reg.groups_of(&actions[0]).len(), 2);
    assert_eq!(names.owners(&actions[0]), "Moa Magnusson, Polisen Ånge");
    assert_eq!(
        names.meetings[&c.meeting.id],
        "Trygghetsrådet och Klara-gruppen utvärderar och planerar (2023-02-07)"
    );
}

#[test]
fn owner_codes_round_trip() {
    for owner in [
        Owner::Person(PersonId::random()),
        Owner::Organisation("Polisen Ånge".into()),
    ] {
        assert_eq!(owner_from_code(&owner_code(&owner)), Some(owner));
    }
    assert_eq!(
        owner_code(&Owner::Organisation("Socialtjänsten".into())),
        "org:Socialtjänsten"
    );
    assert_eq!(
        owner_from_code("org:a:b"),
        Some(Owner::Organisation("a:b".into()))
    );
    assert_eq!(owner_from_code(""), None);
    assert_eq!(owner_from_code("team:x"), None);
}

#[test]
fn approved_minutes_read_the_follow_up_from_the_documents_history() {
    let c = council();
    let at = |s: &str| utc(s).timestamp_millis();
    let mut ws = workspace();
    for m in [&c.meeting, &c.next] {
        ws.put(m).unwrap();
    }
    for p in [&c.moa, &c.josef, &c.per] {
        ws.put(p).unwrap();
    }
    let mut next = c.next.clone();
    next.agenda = vec![crate::meetings::new_item(FOLLOW_UP_HEADING)];
    ws.put(&next).unwrap();
    // Decided in February: open when May's minutes are approved.
    let faltarna = c.actions().remove(1);
    ws.put(&faltarna).unwrap();
    ws.commit(at("2023-02-07T14:00:00Z"));
    ws.set_meeting_status(
        &next.id,
        &StatusChange {
            status: MeetingStatus::Approved,
            by: "Moa Magnusson".into(),
            at_ms: at("2023-05-12T08:00:00Z"),
        },
    )
    .unwrap();
    ws.commit(at("2023-05-12T08:00:00Z"));
    // Closed afterwards, and a new action of the group created afterwards.
    ws.put(&Action {
        status: ActionStatus::Done,
        ..faltarna.clone()
    })
    .unwrap();
    let industri = c.actions().remove(3);
    ws.put(&industri).unwrap();
    ws.commit(at("2023-06-01T08:00:00Z"));

    let approved = ws.get::<Meeting>(&next.id).unwrap();
    let record = record::from_doc(&ws, &approved);
    let follow_up = record.item(&next.agenda[0].id).follow_up.unwrap();
    let shown: Vec<(&str, ActionStatus)> = follow_up
        .iter()
        .map(|r| (r.text.as_str(), r.status))
        .collect();
    assert_eq!(shown, [(faltarna.text.as_str(), ActionStatus::NotStarted)]);
    assert_eq!(follow_up[0].owners, ["Fältarna"]);
    // Today the meeting (were it a draft) would follow up only the new one.
    let draft = Meeting {
        status: MeetingStatus::Draft,
        ..approved
    };
    let today = record::from_doc(&ws, &draft);
    let texts: Vec<String> = today
        .item(&next.agenda[0].id)
        .follow_up
        .unwrap()
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert_eq!(texts, [industri.text.as_str()]);
}
