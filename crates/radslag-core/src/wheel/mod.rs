//! The annual wheel (årshjul): a calendar year drawn as a circle, with one
//! ring per category and the year's events as arcs (several days) or dots
//! (one day) on their category's ring.
//!
//! This module is pure: plain data in, plain data (angles, SVG path data,
//! `.ics` text) out. It reads no clock — "today" and the export time are
//! arguments — and uses no web APIs, so it runs the same natively and on
//! wasm32.
//!
//! - [`geometry`]: dates to angles (degrees, clockwise from the top), arcs,
//!   month sectors, SVG paths;
//! - [`weeks`]: the week ticks (ISO week numbers are [`crate::time`]'s);
//! - [`category`]: the rings' categories, default colours and WCAG contrast;
//! - [`recurrence`]: repeating events and their expansion;
//! - [`layout`]: everything the view draws for one year;
//! - [`ics`]: RFC 5545 export for Outlook and Google Calendar;
//! - [`sources`]: what goes on the wheel (events, meetings, actions' due
//!   dates), filters, the timeline, zoom ranges and the workspace's feed;
//! - [`dates`]: dates as labels say them ("25–27 augusti 2023", "v. 40");
//! - [`svg`]: the wheel as a standalone SVG document.

pub mod category;
pub mod dates;
pub mod geometry;
pub mod ics;
pub mod layout;
pub mod recurrence;
pub mod sources;
pub mod svg;
pub mod weeks;

pub use category::{Category, contrast_ratio, default_categories};
pub use geometry::{
    MonthSector, YearArc, angle_of, arc_of, month_sectors, point_marker, polar_to_xy,
    ring_arc_path, today_angle,
};
pub use ics::{IcsEvent, to_ics};
pub use layout::{ItemShape, LayoutItem, Ring, WheelDims, WheelLayout};
pub use recurrence::{Frequency, Recurrence, expand};
pub use weeks::{WeekTick, week_ticks};
