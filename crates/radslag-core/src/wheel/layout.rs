//! Everything the wheel view draws for one year, as plain data.
//!
//! Rings run from the outside in: the first category is the outermost ring,
//! just inside the month names. Events without a category, or with one that
//! no longer exists, go to an extra "Övrigt" ring at the inside. Events that
//! overlap within a ring are put in separate lanes (thinner concentric bands)
//! so none hides another.

use super::category::{Category, UNCATEGORISED_COLOUR, UNCATEGORISED_NAME, is_hex_colour};
use super::geometry::{
    Marker, MonthSector, YearArc, arc_of, day_mid_angle, month_sectors, point_marker,
    ring_arc_path, today_angle, year_start,
};
use super::recurrence::{Recurrence, expand};
use super::weeks::{WeekTick, week_ticks};
use crate::ids::{CategoryId, WheelEventId};
use crate::model::WheelEvent;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// At most this many lanes per ring; further overlapping events share the
/// lane that frees up first.
pub const MAX_LANES: usize = 3;

/// The wheel's size, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WheelDims {
    pub cx: f64,
    pub cy: f64,
    /// The inner edge of the innermost ring (the hub is inside it).
    pub r_inner: f64,
    /// The outer edge of the outermost ring (month names go outside it).
    pub r_outer: f64,
    /// The space between rings.
    pub ring_gap: f64,
}

impl Default for WheelDims {
    /// A 600 × 600 view box with room for month names around the rings.
    fn default() -> Self {
        WheelDims {
            cx: 300.0,
            cy: 300.0,
            r_inner: 110.0,
            r_outer: 250.0,
            ring_gap: 2.0,
        }
    }
}

/// One category's ring.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ring {
    /// 0 is the outermost ring.
    pub index: usize,
    /// `None` for the "Övrigt" ring.
    pub category: Option<CategoryId>,
    pub name: String,
    /// `#RRGGBB`.
    pub colour: String,
    pub r_inner: f64,
    pub r_outer: f64,
    /// How many lanes the ring's events need (1..=[`MAX_LANES`]).
    pub lanes: usize,
    /// The whole ring, e.g. for a light background band.
    pub path: String,
}

/// How an item is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ItemShape {
    /// Two days or more: an annular sector.
    Arc { arc: YearArc, path: String },
    /// One day: a dot in the middle of the day.
    Point { marker: Marker },
}

/// One occurrence of an event on the wheel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayoutItem {
    pub event: WheelEventId,
    pub title: String,
    /// Index into [`WheelLayout::rings`].
    pub ring: usize,
    /// 0 is the ring's outermost lane.
    pub lane: usize,
    pub colour: String,
    /// This occurrence's first and last day (may lie outside the year when
    /// the arc is clipped).
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Whether the event repeats (this is one of its occurrences).
    pub recurring: bool,
    /// The lane's band.
    pub r_inner: f64,
    pub r_outer: f64,
    pub shape: ItemShape,
}

impl LayoutItem {
    /// The angle to anchor a label or tooltip at.
    pub fn mid_angle(&self) -> f64 {
        match &self.shape {
            ItemShape::Arc { arc, .. } => arc.mid_angle(),
            ItemShape::Point { marker } => marker.angle,
        }
    }
}

/// The drawable wheel of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WheelLayout {
    pub year: i32,
    pub dims: WheelDims,
    /// Outermost first.
    pub rings: Vec<Ring>,
    /// Sorted by ring, then start date.
    pub items: Vec<LayoutItem>,
    pub months: Vec<MonthSector>,
    pub weeks: Vec<WeekTick>,
    /// Where the "today" line goes, if today is in this year.
    pub today: Option<f64>,
    /// Events without a start date, which the wheel cannot place.
    pub unplaced: Vec<WheelEventId>,
}

/// An occurrence before its lane is known.
struct Pending {
    ring: usize,
    event: WheelEventId,
    title: String,
    start: NaiveDate,
    end: NaiveDate,
    recurring: bool,
}

impl WheelLayout {
    /// Lays out `events` for `year` on one ring per category (in the order
    /// given). Repeating events are expanded over the year; an unreadable
    /// recurrence is treated as a one-off.
    pub fn build(
        year: i32,
        categories: &[Category],
        events: &[WheelEvent],
        today: Option<NaiveDate>,
        dims: WheelDims,
    ) -> Self {
        let jan1 = year_start(year);
        let dec31 = NaiveDate::from_ymd_opt(jan1.year(), 12, 31).unwrap_or(jan1);
        let ring_of = |id: &Option<CategoryId>| {
            id.as_ref()
                .and_then(|id| categories.iter().position(|c| &c.id == id))
        };

        let mut pending = Vec::new();
        let mut unplaced = Vec::new();
        let mut uncategorised = false;
        for ev in events {
            let Some(start) = ev.start else {
                unplaced.push(ev.id.clone());
                continue;
            };
            let end = ev.end.unwrap_or(start).max(start);
            let rule = Recurrence::from_json(&ev.recurrence).ok().flatten();
            let occurrences = match &rule {
                Some(rule) => expand(start, end, rule, jan1, dec31),
                None if start <= dec31 && end >= jan1 => vec![(start, end)],
                None => Vec::new(),
            };
            if occurrences.is_empty() {
                continue;
            }
            let ring = ring_of(&ev.category).unwrap_or_else(|| {
                uncategorised = true;
                categories.len()
            });
            for (s, e) in occurrences {
                pending.push(Pending {
                    ring,
                    event: ev.id.clone(),
                    title: ev.title.clone(),
                    start: s,
                    end: e,
                    recurring: rule.is_some(),
                });
            }
        }
        crate::order::sort_by(&mut pending, |a, b| {
            (a.ring, a.start, a.end, &a.title, &a.event)
                .cmp(&(b.ring, b.start, b.end, &b.title, &b.event))
        });

        // Rings, outermost first.
        let mut specs: Vec<(Option<CategoryId>, String, String)> = categories
            .iter()
            .map(|c| {
                let colour = if is_hex_colour(&c.colour) {
                    c.colour.clone()
                } else {
                    UNCATEGORISED_COLOUR.to_owned()
                };
                (Some(c.id.clone()), c.name.clone(), colour)
            })
            .collect();
        if uncategorised {
            specs.push((
                None,
                UNCATEGORISED_NAME.to_owned(),
                UNCATEGORISED_COLOUR.to_owned(),
            ));
        }
        let n = specs.len().max(1) as f64;
        let band = (dims.r_outer - dims.r_inner).max(0.0);
        let gap = dims.ring_gap.clamp(0.0, band / n / 2.0);
        let width = (band - gap * (n - 1.0)) / n;

        // Lanes: greedy, by start date, within each ring.
        let mut lanes_of: Vec<usize> = Vec::with_capacity(pending.len());
        let mut ring_lanes = vec![1usize; specs.len()];
        let mut lane_ends: Vec<NaiveDate> = Vec::new();
        let mut current_ring = usize::MAX;
        for p in &pending {
            if p.ring != current_ring {
                current_ring = p.ring;
                lane_ends.clear();
            }
            let lane = match lane_ends.iter().position(|end| *end < p.start) {
                Some(free) => free,
                None if lane_ends.len() < MAX_LANES => {
                    lane_ends.push(p.start);
                    lane_ends.len() - 1
                }
                None => lane_ends
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, end)| **end)
                    .map_or(0, |(i, _)| i),
            };
            lane_ends[lane] = lane_ends[lane].max(p.end);
            ring_lanes[p.ring] = ring_lanes[p.ring].max(lane + 1);
            lanes_of.push(lane);
        }

        let rings: Vec<Ring> = specs
            .into_iter()
            .enumerate()
            .map(|(index, (category, name, colour))| {
                let r_outer = dims.r_outer - index as f64 * (width + gap);
                let r_inner = r_outer - width;
                Ring {
                    index,
                    category,
                    name,
                    colour,
                    r_inner,
                    r_outer,
                    lanes: ring_lanes[index],
                    path: ring_arc_path(dims.cx, dims.cy, r_inner, r_outer, 0.0, 360.0),
                }
            })
            .collect();

        let items = pending
            .into_iter()
            .zip(lanes_of)
            .filter_map(|(p, lane)| {
                let ring = &rings[p.ring];
                let lane_width = width / ring.lanes as f64;
                let r_outer = ring.r_outer - lane as f64 * lane_width;
                let r_inner = r_outer - lane_width;
                let shape = if p.start == p.end {
                    let angle = day_mid_angle(p.start, year)?;
                    ItemShape::Point {
                        marker: point_marker(dims.cx, dims.cy, r_inner, r_outer, angle),
                    }
                } else {
                    let arc = arc_of(p.start, p.end, year)?;
                    let path = ring_arc_path(
                        dims.cx,
                        dims.cy,
                        r_inner,
                        r_outer,
                        arc.start_angle,
                        arc.end_angle,
                    );
                    ItemShape::Arc { arc, path }
                };
                Some(LayoutItem {
                    event: p.event,
                    title: p.title,
                    ring: p.ring,
                    lane,
                    colour: ring.colour.clone(),
                    start: p.start,
                    end: p.end,
                    recurring: p.recurring,
                    r_inner,
                    r_outer,
                    shape,
                })
            })
            .collect();

        WheelLayout {
            year,
            dims,
            rings,
            items,
            months: month_sectors(year),
            weeks: week_ticks(year),
            today: today.and_then(|t| today_angle(t, year)),
            unplaced,
        }
    }

    /// The ring of a category, if it has one.
    pub fn ring_of(&self, category: &CategoryId) -> Option<&Ring> {
        self.rings
            .iter()
            .find(|r| r.category.as_ref() == Some(category))
    }

    /// The items of one ring, by start date.
    pub fn items_in_ring(&self, ring: usize) -> impl Iterator<Item = &LayoutItem> {
        self.items.iter().filter(move |i| i.ring == ring)
    }

    /// The items of one event (several when it repeats).
    pub fn items_of(&self, event: &WheelEventId) -> impl Iterator<Item = &LayoutItem> {
        self.items.iter().filter(move |i| &i.event == event)
    }
}

#[cfg(test)]
mod tests {
    use super::super::category::default_categories;
    use super::super::geometry::angle_of;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(
        id: &str,
        title: &str,
        cat: Option<&str>,
        start: NaiveDate,
        end: NaiveDate,
    ) -> WheelEvent {
        WheelEvent {
            id: id.into(),
            title: title.into(),
            category: cat.map(CategoryId::from),
            start: Some(start),
            end: Some(end),
            ..Default::default()
        }
    }

    fn fixture() -> Vec<WheelEvent> {
        let campaign = WheelEvent {
            recurrence: Recurrence::in_iso_week_every_year(40).to_json(),
            ..event(
                "kampanj",
                "Kampanjvecka mot droger",
                Some("kampanjveckor"),
                d(2023, 10, 2),
                d(2023, 10, 8),
            )
        };
        vec![
            event(
                "kulturnatten",
                "Kulturnatten",
                Some("evenemang"),
                d(2023, 5, 26),
                d(2023, 5, 26),
            ),
            event(
                "eosm",
                "End of summer meet",
                Some("evenemang"),
                d(2023, 8, 25),
                d(2023, 8, 27),
            ),
            event(
                "mote-fm",
                "Trygghetsrådet",
                Some("moten"),
                d(2023, 5, 11),
                d(2023, 5, 11),
            ),
            event(
                "mote-em",
                "Klara-gruppen",
                Some("moten"),
                d(2023, 5, 11),
                d(2023, 5, 11),
            ),
            campaign,
            event(
                "nyar",
                "Nyårsvaka",
                Some("evenemang"),
                d(2022, 12, 31),
                d(2023, 1, 1),
            ),
            event("lov", "Jullov", None, d(2023, 12, 21), d(2024, 1, 7)),
            WheelEvent {
                start: None,
                ..event(
                    "odaterad",
                    "Någon gång",
                    Some("dialoger"),
                    d(2023, 1, 1),
                    d(2023, 1, 1),
                )
            },
            event(
                "gammal",
                "Förra året",
                Some("moten"),
                d(2022, 3, 1),
                d(2022, 3, 1),
            ),
        ]
    }

    #[test]
    fn events_land_on_their_category_rings() {
        let cats = default_categories();
        let layout = WheelLayout::build(
            2023,
            &cats,
            &fixture(),
            Some(d(2023, 7, 1)),
            WheelDims::default(),
        );
        assert_eq!(layout.rings.len(), 8, "seven categories and Övrigt");
        assert_eq!(layout.rings[0].name, "Möten");
        assert_eq!(layout.rings[7].name, "Övrigt");
        assert_eq!(layout.rings[7].category, None);
        assert_eq!(layout.rings[0].r_outer, 250.0);
        assert!((layout.rings[7].r_inner - 110.0).abs() < 1e-9);
        for w in layout.rings.windows(2) {
            assert!((w[0].r_inner - w[1].r_outer - 2.0).abs() < 1e-9);
        }
        assert_eq!(layout.unplaced, [WheelEventId::from("odaterad")]);
        assert_eq!(layout.months.len(), 12);
        assert_eq!(layout.weeks.len(), 53);
        assert!((layout.today.unwrap() - (181.5 / 365.0 * 360.0)).abs() < 1e-9);

        let kultur: Vec<_> = layout.items_of(&"kulturnatten".into()).collect();
        assert_eq!(kultur.len(), 1);
        assert_eq!(kultur[0].ring, 1);
        assert_eq!(kultur[0].colour, cats[1].colour);
        match &kultur[0].shape {
            ItemShape::Point { marker } => {
                assert!(
                    (marker.angle - (angle_of(d(2023, 5, 26), 2023) + 360.0 / 730.0)).abs() < 1e-9
                )
            }
            other => panic!("{other:?}"),
        }

        let eosm = layout.items_of(&"eosm".into()).next().unwrap();
        match &eosm.shape {
            ItemShape::Arc { arc, path } => {
                assert!((arc.span() - 3.0 * 360.0 / 365.0).abs() < 1e-9);
                assert!(path.starts_with('M') && path.ends_with('Z'));
            }
            other => panic!("{other:?}"),
        }

        // Two meetings on the same day get separate lanes.
        let meetings: Vec<_> = layout.items_in_ring(0).collect();
        assert_eq!(meetings.len(), 2, "last year's meeting is not drawn");
        assert_eq!(layout.rings[0].lanes, 2);
        assert_ne!(meetings[0].lane, meetings[1].lane);
        assert!((meetings[0].r_inner - meetings[1].r_outer).abs() < 1e-9);

        // The campaign week repeats once a year: one arc in 2023.
        let campaign: Vec<_> = layout.items_of(&"kampanj".into()).collect();
        assert_eq!(campaign.len(), 1);
        assert!(campaign[0].recurring);
        assert_eq!(campaign[0].ring, 2);

        // Over new year: clipped at the start of 2023, at the end for the
        // uncategorised Jullov.
        let nyar = layout.items_of(&"nyar".into()).next().unwrap();
        match &nyar.shape {
            ItemShape::Arc { arc, .. } => assert!(arc.clipped_start && arc.start_angle == 0.0),
            other => panic!("{other:?}"),
        }
        let lov = layout.items_of(&"lov".into()).next().unwrap();
        assert_eq!(lov.ring, 7);
        match &lov.shape {
            ItemShape::Arc { arc, .. } => assert!(arc.clipped_end && arc.end_angle == 360.0),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn other_years_and_lane_caps() {
        let cats = default_categories();
        let layout = WheelLayout::build(
            2026,
            &cats,
            &fixture(),
            Some(d(2023, 7, 1)),
            WheelDims::default(),
        );
        assert_eq!(layout.today, None);
        // Only the repeating campaign (week 40 of 2026: 28 Sep – 4 Oct).
        assert_eq!(layout.items.len(), 1);
        assert_eq!(layout.items[0].start, d(2026, 9, 28));
        assert_eq!(layout.rings.len(), 7, "no Övrigt ring without such events");

        // Five overlapping events share at most three lanes.
        let many: Vec<_> = (0..5)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    "Möte",
                    Some("moten"),
                    d(2026, 3, 1),
                    d(2026, 3, 3),
                )
            })
            .collect();
        let layout = WheelLayout::build(2026, &cats, &many, None, WheelDims::default());
        assert_eq!(layout.rings[0].lanes, MAX_LANES);
        assert!(layout.items.iter().all(|i| i.lane < MAX_LANES));

        // Unreadable recurrence: drawn once.
        let odd = WheelEvent {
            recurrence: "{oops".into(),
            ..event("x", "X", Some("moten"), d(2026, 3, 1), d(2026, 3, 1))
        };
        let layout = WheelLayout::build(2026, &cats, &[odd], None, WheelDims::default());
        assert_eq!(layout.items.len(), 1);
        assert!(!layout.items[0].recurring);

        // No categories at all: everything on one Övrigt ring filling the band.
        let layout = WheelLayout::build(2023, &[], &fixture(), None, WheelDims::default());
        assert_eq!(layout.rings.len(), 1);
        assert_eq!(
            (layout.rings[0].r_inner, layout.rings[0].r_outer),
            (110.0, 250.0)
        );
    }
}
