//! The wheel's categories (its rings) and their colours.
//!
//! Colours are checked against WCAG 2.1 success criterion 1.4.11 (non-text
//! contrast): a graphic that carries meaning needs a contrast ratio of at least
//! 3:1 against what surrounds it, here the white page.

pub use crate::doc::seed::default_categories;
pub use crate::model::Category;

/// The least contrast ratio for graphics (WCAG 1.4.11).
pub const MIN_GRAPHICS_CONTRAST: f64 = 3.0;

/// The page behind the wheel.
pub const BACKGROUND: &str = "#FFFFFF";

/// The name of the ring for events without a (known) category.
pub const UNCATEGORISED_NAME: &str = "Övrigt";

/// The colour of the ring for events without a (known) category.
pub const UNCATEGORISED_COLOUR: &str = "#6B7280";

/// Parses `#RRGGBB` (or `RRGGBB`, or the short `#RGB`), any case.
pub fn parse_hex(colour: &str) -> Option<(u8, u8, u8)> {
    let hex = colour.trim();
    let hex = hex.strip_prefix('#').unwrap_or(hex);
    if !hex.is_ascii() {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some((
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        )),
        3 => {
            let c = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
            Some((c(0)?, c(1)?, c(2)?))
        }
        _ => None,
    }
}

/// Whether `colour` is a `#RRGGBB` value, as categories store them.
pub fn is_hex_colour(colour: &str) -> bool {
    colour.len() == 7 && colour.starts_with('#') && parse_hex(colour).is_some()
}

/// The relative luminance of an sRGB colour (WCAG 2.1), 0 (black) to 1 (white).
pub fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    fn linear(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The WCAG contrast ratio of two hex colours, 1.0..=21.0, or `None` when
/// either is not a hex colour.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let la = relative_luminance(parse_hex(a)?);
    let lb = relative_luminance(parse_hex(b)?);
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Whether `colour` may stand for a category on the white page (3:1).
pub fn is_accessible_on_white(colour: &str) -> bool {
    contrast_ratio(colour, BACKGROUND).is_some_and(|c| c >= MIN_GRAPHICS_CONTRAST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_categories_in_order() {
        let names: Vec<_> = default_categories().into_iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            [
                "Möten",
                "Evenemang",
                "Kampanjveckor",
                "Lagändringar",
                "Mätningar",
                "Dialoger",
                "Uppföljning"
            ]
        );
        let cats = default_categories();
        assert_eq!(cats[0].id.as_str(), "moten");
        assert_eq!(default_categories(), cats, "stable ids");
    }

    #[test]
    fn every_default_colour_has_3_to_1_contrast_on_white() {
        for c in default_categories() {
            assert!(is_hex_colour(&c.colour), "{}", c.colour);
            let ratio = contrast_ratio(&c.colour, "#FFFFFF").unwrap();
            assert!(ratio >= 3.0, "{} {} has {ratio:.2}:1", c.name, c.colour);
        }
        assert!(is_accessible_on_white(UNCATEGORISED_COLOUR));
    }

    #[test]
    fn default_colours_are_distinct() {
        let mut colours: Vec<String> = default_categories().into_iter().map(|c| c.colour).collect();
        colours.push(UNCATEGORISED_COLOUR.to_owned());
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                let (ar, ag, ab) = parse_hex(a).unwrap();
                let (br, bg, bb) = parse_hex(b).unwrap();
                let dist = ((f64::from(ar) - f64::from(br)).powi(2)
                    + (f64::from(ag) - f64::from(bg)).powi(2)
                    + (f64::from(ab) - f64::from(bb)).powi(2))
                .sqrt();
                assert!(dist >= 60.0, "{a} and {b} are too alike ({dist:.0})");
            }
        }
    }

    #[test]
    fn contrast_ratios() {
        let bw = contrast_ratio("#000000", "#FFFFFF").unwrap();
        assert!((bw - 21.0).abs() < 1e-9);
        assert_eq!(contrast_ratio("#fff", "#FFFFFF"), Some(1.0));
        // A known value: #777777 on white is about 4.48:1.
        let grey = contrast_ratio("#777777", "#ffffff").unwrap();
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        assert_eq!(contrast_ratio("#12345", "#FFFFFF"), None);
        assert_eq!(contrast_ratio("#GGGGGG", "#FFFFFF"), None);
        assert_eq!(contrast_ratio("#ÅÅÅ", "#FFFFFF"), None);
        assert!(!is_accessible_on_white("#FFFF00"));
        assert!(!is_hex_colour("#fff"));
        assert!(is_hex_colour("#a1b2c3"));
    }
}
