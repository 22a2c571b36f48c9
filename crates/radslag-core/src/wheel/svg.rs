//! The wheel as a standalone SVG document: what the app shows, what "Ladda
//! ner SVG/PNG" saves and what prints. Everything is drawn with presentation
//! attributes (no stylesheet), so the file looks the same in a browser, in
//! PowerPoint or as a PNG; the app adds focus and hover styles on top.
//!
//! Each drawn event is a `<g class="wheel-item" tabindex="0" role="button">`
//! with an `aria-label` ("End of summer meet, 25–27 augusti 2023,
//! Evenemang"), a `<title>` (the browser's tooltip) and `data-item` (its
//! index in [`WheelLayout::items`]) and `data-key` (the item's source key),
//! so the app can show and open it from one delegated listener.

use super::dates::format_range;
use super::geometry::{fmt_num, polar_to_xy, ring_arc_path};
use super::layout::{ItemShape, WheelLayout};
use super::sources::Zoom;
use crate::time::{Locale, month_name};
use std::fmt::Write as _;

/// How far out the labels go (week numbers, then month names).
pub const LABEL_SPACE: f64 = 50.0;

/// Extra room left and right of the wheel for the month names.
const SIDE_SPACE: f64 = 55.0;

/// Width of the legend beside the wheel.
const LEGEND_WIDTH: f64 = 230.0;

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const INK: &str = "#1B1F24";
const MUTED: &str = "#4A5360";
const TODAY: &str = "#B91C1C";

/// What the SVG says around the layout.
#[derive(Debug, Clone)]
pub struct SvgOptions<'a> {
    pub locale: Locale,
    /// The document's title, e.g. "Årshjul 2023 – Trygghetsrådet".
    pub title: &'a str,
    /// The label of the today line ("Idag").
    pub today_label: &'a str,
    pub zoom: Zoom,
    /// A legend of the rings beside the wheel (only when the whole year is
    /// shown).
    pub legend: bool,
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The accessible name of item `index`: title, dates and ring, e.g.
/// "End of summer meet, 25–27 augusti 2023, Evenemang".
pub fn item_label(layout: &WheelLayout, index: usize, locale: Locale) -> String {
    let Some(item) = layout.items.get(index) else {
        return String::new();
    };
    let ring = layout.rings.get(item.ring).map_or("", |r| r.name.as_str());
    format!(
        "{}, {}, {}",
        item.title,
        format_range(item.start, item.end, locale),
        ring
    )
}

/// The whole SVG document for `layout`.
pub fn render(layout: &WheelLayout, options: &SvgOptions) -> String {
    let dims = layout.dims;
    let (cx, cy) = (dims.cx, dims.cy);
    let r_max = dims.r_outer + LABEL_SPACE;
    let legend = options.legend && options.zoom == Zoom::Year;
    let (mut vx, vy, mut vw, vh) = options.zoom.view_box(layout.year, &dims, r_max);
    // Room at the sides for month names written out from the rim.
    vx -= SIDE_SPACE;
    vw += 2.0 * SIDE_SPACE;
    if legend {
        vw += LEGEND_WIDTH;
    }
    let n = fmt_num;
    let mut s = String::with_capacity(8_192 + layout.items.len() * 400);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="wheel-svg" viewBox="{} {} {} {}" width="{}" height="{}" role="group" aria-label="{}" font-family="{}">"#,
        n(vx),
        n(vy),
        n(vw),
        n(vh),
        n(vw * 2.0),
        n(vh * 2.0),
        escape(options.title),
        escape(FONT).replace("&apos;", "'"),
    );
    let _ = write!(s, "<title>{}</title>", escape(options.title));
    let _ = write!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#FFFFFF"/>"##,
        n(vx),
        n(vy),
        n(vw),
        n(vh)
    );

    // Months: alternating bands behind the rings, and their names outside.
    s.push_str(r#"<g class="wheel-months" aria-hidden="true">"#);
    for m in &layout.months {
        let fill = if m.month % 2 == 0 {
            "#F3F5F8"
        } else {
            "#FFFFFF"
        };
        let _ = write!(
            s,
            r#"<path d="{}" fill="{}"/>"#,
            ring_arc_path(
                cx,
                cy,
                dims.r_inner,
                dims.r_outer + 24.0,
                m.start_angle,
                m.end_angle
            ),
            fill
        );
    }
    for m in &layout.months {
        let (x0, y0) = polar_to_xy(cx, cy, dims.r_inner, m.start_angle);
        let (x1, y1) = polar_to_xy(cx, cy, dims.r_outer + 46.0, m.start_angle);
        let _ = write!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8A94A3" stroke-width="1"/>"##,
            n(x0),
            n(y0),
            n(x1),
            n(y1)
        );
        // Written outwards from the rim: left of the wheel they end there,
        // right of it they start there, at the top and bottom they centre.
        let mid = m.mid_angle();
        let (x, y) = polar_to_xy(cx, cy, dims.r_outer + 30.0, mid);
        let sin = mid.to_radians().sin();
        let anchor = if sin > 0.3 {
            "start"
        } else if sin < -0.3 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" dominant-baseline="middle" font-size="13" font-weight="600" fill="{}">{}</text>"#,
            n(x),
            n(y),
            INK,
            escape(month_name(m.month, options.locale))
        );
    }
    s.push_str("</g>");

    // ISO week numbers around the rim.
    s.push_str(r#"<g class="wheel-weeks" aria-hidden="true">"#);
    for w in &layout.weeks {
        let (x0, y0) = polar_to_xy(cx, cy, dims.r_outer, w.angle_start);
        let (x1, y1) = polar_to_xy(cx, cy, dims.r_outer + 5.0, w.angle_start);
        let _ = write!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8A94A3" stroke-width="0.6"/>"##,
            n(x0),
            n(y0),
            n(x1),
            n(y1)
        );
        if w.angle_end - w.angle_start > 2.5 {
            let (x, y) = polar_to_xy(cx, cy, dims.r_outer + 13.0, w.mid_angle());
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" text-anchor="middle" dominant-baseline="middle" font-size="7" fill="{}">{}</text>"#,
                n(x),
                n(y),
                MUTED,
                w.week
            );
        }
    }
    s.push_str("</g>");

    // The rings' light bands.
    s.push_str(r#"<g class="wheel-rings" aria-hidden="true">"#);
    for ring in &layout.rings {
        let _ = write!(
            s,
            r#"<path d="{}" fill="{}" fill-opacity="0.12" stroke="{}" stroke-opacity="0.35" stroke-width="0.5"/>"#,
            ring.path, ring.colour, ring.colour
        );
    }
    s.push_str("</g>");

    // The events.
    s.push_str(r#"<g class="wheel-items">"#);
    for (i, item) in layout.items.iter().enumerate() {
        let label = escape(&item_label(layout, i, options.locale));
        let _ = write!(
            s,
            r#"<g class="wheel-item" tabindex="0" role="button" data-item="{i}" data-key="{}" aria-label="{label}"><title>{label}</title>"#,
            escape(item.event.as_str()),
        );
        match &item.shape {
            ItemShape::Arc { path, .. } => {
                let _ = write!(
                    s,
                    r##"<path d="{path}" fill="{}" stroke="#FFFFFF" stroke-width="0.75"/>"##,
                    item.colour
                );
            }
            ItemShape::Point { marker } => {
                let _ = write!(
                    s,
                    r##"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#FFFFFF" stroke-width="0.75"/>"##,
                    n(marker.x),
                    n(marker.y),
                    n(marker.r.max(3.0)),
                    item.colour
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");

    // Outside a zoomed range, the wheel is dimmed.
    if options.zoom != Zoom::Year {
        let (a0, a1) = options.zoom.angles(layout.year);
        let _ = write!(
            s,
            r##"<path class="wheel-dim" d="{}" fill="#FFFFFF" fill-opacity="0.75" aria-hidden="true"/>"##,
            ring_arc_path(cx, cy, 0.0, r_max, a1, a0 + 360.0)
        );
    }

    // Today.
    if let Some(angle) = layout.today {
        let (x0, y0) = polar_to_xy(cx, cy, dims.r_inner - 6.0, angle);
        let (x1, y1) = polar_to_xy(cx, cy, dims.r_outer + 6.0, angle);
        let (tx, ty) = polar_to_xy(cx, cy, dims.r_inner - 16.0, angle);
        let _ = write!(
            s,
            r#"<g class="wheel-today"><title>{label}</title><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{TODAY}" stroke-width="2.5" stroke-linecap="round"/><text x="{}" y="{}" text-anchor="middle" dominant-baseline="middle" font-size="10" font-weight="700" fill="{TODAY}">{label}</text></g>"#,
            n(x0),
            n(y0),
            n(x1),
            n(y1),
            n(tx),
            n(ty),
            label = escape(options.today_label),
        );
    }

    // The hub: the year.
    let _ = write!(
        s,
        r#"<text class="wheel-year" x="{}" y="{}" text-anchor="middle" dominant-baseline="middle" font-size="34" font-weight="700" fill="{INK}" aria-hidden="true">{}</text>"#,
        n(cx),
        n(cy),
        layout.year
    );

    if legend {
        let x = vx + vw - LEGEND_WIDTH + 16.0;
        let mut y = vy + 40.0;
        let _ = write!(
            s,
            r#"<g class="wheel-legend"><text x="{}" y="{}" font-size="15" font-weight="700" fill="{INK}">{}</text>"#,
            n(x),
            n(y),
            escape(options.title)
        );
        y += 28.0;
        for ring in &layout.rings {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="16" height="16" rx="3" fill="{}"/><text x="{}" y="{}" dominant-baseline="middle" font-size="13" fill="{INK}">{}</text>"#,
                n(x),
                n(y - 8.0),
                ring.colour,
                n(x + 24.0),
                n(y),
                escape(&ring.name)
            );
            y += 24.0;
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CategoryId, WheelEventId};
    use crate::model::WheelEvent;
    use crate::wheel::category::default_categories;
    use crate::wheel::layout::WheelDims;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn layout() -> WheelLayout {
        let events = vec![
            WheelEvent {
                id: WheelEventId::from("event:eosm"),
                title: "End of summer meet".into(),
                category: Some(CategoryId::from("evenemang")),
                start: Some(d(2023, 8, 25)),
                end: Some(d(2023, 8, 27)),
                ..Default::default()
            },
            WheelEvent {
                id: WheelEventId::from("event:k"),
                title: "Kulturnatten <& \"mer\">".into(),
                category: Some(CategoryId::from("evenemang")),
                start: Some(d(2023, 5, 26)),
                end: Some(d(2023, 5, 26)),
                ..Default::default()
            },
        ];
        WheelLayout::build(
            2023,
            &default_categories(),
            &events,
            Some(d(2023, 6, 1)),
            WheelDims::default(),
        )
    }

    fn options(zoom: Zoom) -> SvgOptions<'static> {
        SvgOptions {
            locale: Locale::Sv,
            title: "Årshjul 2023",
            today_label: "Idag",
            zoom,
            legend: true,
        }
    }

    #[test]
    fn labels_name_title_dates_and_ring() {
        let l = layout();
        let i = l
            .items
            .iter()
            .position(|i| i.title == "End of summer meet")
            .unwrap();
        assert_eq!(
            item_label(&l, i, Locale::Sv),
            "End of summer meet, 25–27 augusti 2023, Evenemang"
        );
        assert_eq!(
            item_label(&l, i, Locale::En),
            "End of summer meet, 25–27 August 2023, Evenemang"
        );
        assert_eq!(item_label(&l, 99, Locale::Sv), "");
    }

    #[test]
    fn renders_well_formed_focusable_items() {
        let l = layout();
        let svg = render(&l, &options(Zoom::Year));
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
        assert!(svg.ends_with("</svg>"));
        assert!(
            svg.contains(r#"viewBox="-55 0 940 600""#),
            "with the legend"
        );
        assert_eq!(
            svg.matches(r#"class="wheel-item" tabindex="0" role="button""#)
                .count(),
            2
        );
        assert!(svg.contains(r#"aria-label="End of summer meet, 25–27 augusti 2023, Evenemang""#));
        assert!(svg.contains("Kulturnatten &lt;&amp; &quot;mer&quot;&gt;"));
        assert!(!svg.contains("<&"));
        assert!(svg.contains(">augusti</text>"));
        assert!(svg.contains(">40</text>"), "week numbers");
        assert!(svg.contains(">Idag</text>"));
        assert!(svg.contains(">Uppföljning</text>"), "legend");
        assert!(svg.contains(r#"data-key="event:eosm""#));
        // Balanced groups.
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    }

    #[test]
    fn zoom_crops_and_dims() {
        let l = layout();
        let svg = render(&l, &options(Zoom::Quarter(3)));
        assert!(svg.contains("wheel-dim"));
        assert!(!svg.contains("wheel-legend"));
        let vb = svg
            .split("viewBox=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let w: f64 = vb.split(' ').nth(2).unwrap().parse().unwrap();
        assert!(w < 450.0, "{vb}");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
