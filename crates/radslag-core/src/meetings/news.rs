//! What changed in a meeting between two readings of it — as this device
//! last saw it and now — for *Nytt sedan ditt senaste besök* on its page.

use crate::model::Meeting;

/// The changes, in the terms the meeting's page uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingNews {
    /// Title, groups, date, times, place, link, note-taker or next meeting.
    pub details: bool,
    pub participants: bool,
    /// Approved or opened for changes again.
    pub status: bool,
    /// Items added and items whose heading or notes changed (their headings
    /// now), and items removed (their headings then), in agenda order.
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl MeetingNews {
    pub fn between(then: &Meeting, now: &Meeting) -> MeetingNews {
        let item_then = |id| then.agenda.iter().find(|i| &i.id == id);
        let item_now = |id| now.agenda.iter().find(|i| &i.id == id);
        MeetingNews {
            details: (
                &then.title,
                &then.groups,
                then.date,
                then.start_time,
                then.end_time,
                &then.place,
                &then.link,
                &then.note_taker,
                then.next_meeting,
                &then.next_meetings,
            ) != (
                &now.title,
                &now.groups,
                now.date,
                now.start_time,
                now.end_time,
                &now.place,
                &now.link,
                &now.note_taker,
                now.next_meeting,
                &now.next_meetings,
            ),
            participants: then.participants != now.participants,
            status: then.status != now.status,
            added: now
                .agenda
                .iter()
                .filter(|i| item_then(&i.id).is_none())
                .map(|i| i.heading.clone())
                .collect(),
            changed: now
                .agenda
                .iter()
                .filter(|i| item_then(&i.id).is_some_and(|t| t != *i))
                .map(|i| i.heading.clone())
                .collect(),
            removed: then
                .agenda
                .iter()
                .filter(|i| item_now(&i.id).is_none())
                .map(|i| i.heading.clone())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == MeetingNews::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::new_item;
    use crate::model::*;

    #[test]
    fn items_added_changed_and_removed_and_the_details() {
        let then = Meeting {
            title: "Trygghetsrådet".into(),
            agenda: ["Summering", "Lägesbild", "Övriga frågor"]
                .into_iter()
                .map(new_item)
                .collect(),
            ..Default::default()
        };
        assert!(MeetingNews::between(&then, &then).is_empty());
        let mut now = then.clone();
        now.place = "Medborgarhuset".into();
        now.agenda[1].body = "Polisens statistik.".into();
        now.agenda.remove(2);
        now.agenda.insert(0, new_item("Kulturnatten"));
        now.agenda.swap(1, 2);
        assert_eq!(
            MeetingNews::between(&then, &now),
            MeetingNews {
                details: true,
                added: vec!["Kulturnatten".into()],
                changed: vec!["Lägesbild".into()],
                removed: vec!["Övriga frågor".into()],
                ..Default::default()
            },
            "a move alone is no news"
        );
    }
}
