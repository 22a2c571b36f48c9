//! The next meeting: setting it creates the next meetings, one per group
//! with its own date and time (11 maj 10–12 Klara-gruppen and 13–15
//! Trygghetsrådet), which then show on the annual wheel's meetings ring.

use chrono::{NaiveDate, NaiveTime};

use super::dates::{clock_range, day_and_month};
use super::templates::{NewMeeting, new_meeting};
use super::{Register, next_meeting_item};
use crate::ids::GroupId;
use crate::model::{Attendance, Meeting, Participant, Template};
use crate::time::Locale;

/// One next meeting to create.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NextPlan {
    /// The group that meets; `None` for all of this meeting's groups at once.
    pub group: Option<GroupId>,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    /// A room, or how: "digitalt via Teams".
    pub place: String,
    pub link: String,
}

/// A plan per group of `meeting` (or one for a meeting without groups),
/// with the meeting's place and link: the form's starting rows.
pub fn suggested_plans(meeting: &Meeting) -> Vec<NextPlan> {
    let plan = |group: Option<GroupId>| NextPlan {
        group,
        start_time: meeting.start_time,
        end_time: meeting.end_time,
        place: meeting.place.clone(),
        link: meeting.link.clone(),
        ..Default::default()
    };
    if meeting.groups.is_empty() {
        vec![plan(None)]
    } else {
        meeting
            .groups
            .iter()
            .cloned()
            .map(|g| plan(Some(g)))
            .collect()
    }
}

/// "11 maj klockan 10–12 för Klara-gruppen (digitalt via Teams)." — the line
/// the minutes' "Nästa möte" item gets for a plan.
pub fn announcement(plan: &NextPlan, group_name: Option<&str>) -> String {
    let mut line = plan
        .date
        .map(|d| day_and_month(d, Locale::Sv))
        .unwrap_or_default();
    if let Some(start) = plan.start_time {
        line.push_str(&format!(" klockan {}", clock_range(start, plan.end_time)));
    }
    if let Some(group) = group_name.filter(|g| !g.is_empty()) {
        line.push_str(&format!(" för {group}"));
    }
    let where_ = [plan.place.trim(), plan.link.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !where_.is_empty() {
        line.push_str(&format!(" ({where_})"));
    }
    line.push('.');
    line.trim_start().to_owned()
}

/// The meetings the plans describe, and `source` updated to point at them:
/// its `next_meetings` list, its `next_meeting` date (the earliest) and the
/// "Nästa möte" item's text (one line per meeting, added when missing).
///
/// Each new meeting is titled after its group (or `source`'s title), starts
/// with `template`'s items, and invites the people of its group from the
/// register (for a plan without a group: `source`'s participants).
/// Plans without a date are skipped.
pub fn create_next(
    source: &Meeting,
    plans: &[NextPlan],
    register: &Register,
    template: Option<&Template>,
) -> (Meeting, Vec<Meeting>) {
    let mut updated = source.clone();
    let mut created = Vec::new();
    let mut lines = Vec::new();
    for plan in plans.iter().filter(|p| p.date.is_some()) {
        let group = plan.group.as_ref().and_then(|g| register.group(g));
        let groups = match &plan.group {
            Some(g) => vec![g.clone()],
            None => source.groups.clone(),
        };
        let title = group
            .map(|g| g.name.clone())
            .unwrap_or_else(|| source.title.clone());
        let mut meeting = new_meeting(
            NewMeeting {
                title,
                groups,
                date: plan.date,
                start_time: plan.start_time,
                end_time: plan.end_time,
            },
            template,
        );
        meeting.place = plan.place.trim().to_owned();
        meeting.link = plan.link.trim().to_owned();
        meeting.participants = match &plan.group {
            Some(g) => register
                .people
                .iter()
                .filter(|p| p.groups.contains(g))
                .map(|p| Participant {
                    person: p.id.clone(),
                    attendance: Attendance::Invited,
                })
                .collect(),
            None => source
                .participants
                .iter()
                .map(|p| Participant {
                    person: p.person.clone(),
                    attendance: Attendance::Invited,
                })
                .collect(),
        };
        lines.push(announcement(plan, group.map(|g| g.name.as_str())));
        updated.next_meetings.push(meeting.id.clone());
        created.push(meeting);
    }
    if created.is_empty() {
        return (updated, created);
    }
    updated.next_meeting = created.iter().filter_map(|m| m.date).min();
    if let Some(index) = next_meeting_item(&updated) {
        let body = &mut updated.agenda[index].body;
        for line in lines {
            if !body.lines().any(|l| l.trim() == line) {
                if !body.is_empty() && !body.ends_with('\n') {
                    body.push('\n');
                }
                body.push_str(&line);
            }
        }
    }
    (updated, created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkspaceDoc;
    use crate::ids::PersonId;
    use crate::meetings::default_template;
    use crate::model::{Group, Person, WorkspaceInfo};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, 0, 0)
    }

    #[test]
    fn the_next_meetings_are_created_per_group_and_announced() {
        let trygg = Group {
            id: "t".into(),
            name: "Trygghetsrådet".into(),
            description: String::new(),
        };
        let klara = Group {
            id: "k".into(),
            name: "Klara-gruppen".into(),
            description: String::new(),
        };
        let per = Person {
            id: PersonId::from("per"),
            name: "Per Håkansson".into(),
            role: "rektor".into(),
            organisation: String::new(),
            groups: vec![klara.id.clone()],
        };
        let josef = Person {
            id: PersonId::from("josef"),
            name: "Josef Wiklund".into(),
            role: "kommunpolis".into(),
            organisation: "Polisen".into(),
            groups: vec![trygg.id.clone()],
        };
        let groups = vec![trygg.clone(), klara.clone()];
        let people = vec![per.clone(), josef.clone()];
        let register = Register::new(&people, &groups);
        let template = default_template();
        let source = new_meeting(
            NewMeeting {
                title: "Trygghetsrådet och Klara-gruppen utvärderar och planerar".into(),
                groups: vec![trygg.id.clone(), klara.id.clone()],
                date: Some(d(2023, 2, 7)),
                ..Default::default()
            },
            Some(&template),
        );
        let mut plans = suggested_plans(&source);
        assert_eq!(plans.len(), 2);
        // Klara-gruppen first, as the minutes list it.
        plans.reverse();
        for (plan, start) in plans.iter_mut().zip([10, 13]) {
            plan.date = Some(d(2023, 5, 11));
            plan.start_time = t(start);
            plan.end_time = t(start + 2);
            plan.place = "digitalt via Teams".into();
        }
        let (updated, created) = create_next(&source, &plans, &register, Some(&template));

        assert_eq!(created.len(), 2);
        let (k, tr) = (&created[0], &created[1]);
        assert_eq!(
            (k.title.as_str(), k.groups.clone()),
            ("Klara-gruppen", vec![klara.id.clone()])
        );
        assert_eq!(
            (k.date, k.start_time, k.end_time),
            (Some(d(2023, 5, 11)), t(10), t(12))
        );
        assert_eq!(
            (tr.title.as_str(), tr.start_time, tr.end_time),
            ("Trygghetsrådet", t(13), t(15))
        );
        assert_eq!(
            k.participants,
            vec![Participant {
                person: per.id.clone(),
                attendance: Attendance::Invited
            }]
        );
        assert_eq!(tr.participants[0].person, josef.id);
        assert_eq!(k.agenda.len(), 7);
        assert_eq!(k.place, "digitalt via Teams");

        assert_eq!(updated.next_meeting, Some(d(2023, 5, 11)));
        assert_eq!(updated.next_meetings, vec![k.id.clone(), tr.id.clone()]);
        assert_eq!(
            updated.agenda[6].body,
            "11 maj klockan 10–12 för Klara-gruppen (digitalt via Teams).\n\
             11 maj klockan 13–15 för Trygghetsrådet (digitalt via Teams)."
        );
        // Doing it again does not repeat the lines.
        let (again, _) = create_next(&updated, &plans, &register, Some(&template));
        assert_eq!(again.agenda[6].body, updated.agenda[6].body);
        assert_eq!(again.next_meetings.len(), 4);

        // Stored, they are meetings like any other: on the wheel's meetings ring.
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        ws.put(&updated).unwrap();
        for m in &created {
            ws.put(m).unwrap();
        }
        let reloaded = WorkspaceDoc::load(&ws.save()).unwrap();
        assert_eq!(reloaded.get::<Meeting>(&updated.id), Some(updated.clone()));
        assert_eq!(reloaded.list::<Meeting>().len(), 3);
        let on_wheel = crate::wheel::sources::gather_from(
            &reloaded,
            &crate::wheel::sources::Filter::default(),
        );
        let klara_on_wheel: Vec<_> = on_wheel
            .iter()
            .filter(|i| i.event.title == "Klara-gruppen")
            .collect();
        assert_eq!(klara_on_wheel.len(), 1, "{on_wheel:?}");
        assert_eq!(klara_on_wheel[0].event.start, Some(d(2023, 5, 11)));
        assert_eq!(klara_on_wheel[0].start_time, t(10));
    }

    #[test]
    fn plans_without_a_date_create_nothing() {
        let source = Meeting {
            title: "Möte".into(),
            ..Default::default()
        };
        let plans = suggested_plans(&source);
        assert_eq!(plans.len(), 1);
        let register = Register::new(&[], &[]);
        let (updated, created) = create_next(&source, &plans, &register, None);
        assert!(created.is_empty());
        assert_eq!(updated, source);
    }

    #[test]
    fn announcements_read_like_the_minutes() {
        let plan = NextPlan {
            date: Some(d(2023, 5, 11)),
            start_time: t(13),
            end_time: t(15),
            place: "Kommunhuset".into(),
            link: "https://teams.example/x".into(),
            ..Default::default()
        };
        assert_eq!(
            announcement(&plan, Some("Trygghetsrådet")),
            "11 maj klockan 13–15 för Trygghetsrådet (Kommunhuset, https://teams.example/x)."
        );
        assert_eq!(
            announcement(
                &NextPlan {
                    date: Some(d(2023, 5, 11)),
                    ..Default::default()
                },
                None
            ),
            "11 maj."
        );
    }
}
