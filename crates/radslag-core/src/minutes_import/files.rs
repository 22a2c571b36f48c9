//! Minutes as files: which format a file is, and its text. Pure, for the
//! app (in the browser) as for `radslag import`:
//! - `.txt`: UTF-8 (with or without a byte order mark), UTF-16 with one, or
//!   else Windows-1252 (older Swedish text files);
//! - `.pdf` with text: its text, through `pdf-extract` (fonts, encodings and
//!   ToUnicode maps as Word writes them); a PDF without text is a scan;
//! - `.docx`: its paragraphs in order, numbered as Word numbers them (`1.`,
//!   `a)`, bullets as `- `), table rows on one line (`Datum  2023-02-07`);
//! - images (PNG, JPEG, TIFF, GIF, BMP, WebP): scans.
//!
//! Scans need OCR, which is not done here: [`Extracted::NeedsOcr`] says so.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use serde::{Deserialize, Serialize};

/// What a file is, by its first bytes (its name only breaks ties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Text,
    Pdf,
    Docx,
    Image,
    /// Word 97–2003 (`.doc`), OpenDocument and other containers.
    OtherDocument,
    Binary,
}

/// A file's text, or what it needs first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extracted {
    Text(String),
    /// A scan: an image, or a PDF whose pages have no text.
    NeedsOcr(Format),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error(
        "filen är ett Word-dokument i det gamla formatet (.doc) eller ett annat format: spara den som .docx, PDF eller text / the file is an old Word document (.doc) or another format: save it as .docx, PDF or text"
    )]
    OtherDocument,
    #[error(
        "filen innehåller ingen text (den är binär) / the file contains no text (it is binary)"
    )]
    Binary,
    #[error("PDF-filen kan inte läsas / the PDF cannot be read: {0}")]
    Pdf(String),
    #[error("Word-filen kan inte läsas / the Word file cannot be read: {0}")]
    Docx(String),
}

fn starts(bytes: &[u8], magic: &[u8]) -> bool {
    bytes.starts_with(magic)
}

/// The format of a file named `name` with these bytes.
pub fn detect(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_lowercase();
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if starts(bytes, b"PK\x03\x04") {
        return if zip_has(bytes, "word/document.xml") {
            Format::Docx
        } else {
            Format::OtherDocument
        };
    }
    if starts(bytes, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || starts(bytes, b"{\\rtf") {
        return Format::OtherDocument;
    }
    let image = starts(bytes, b"\x89PNG\r\n\x1a\n")
        || starts(bytes, b"\xFF\xD8\xFF")
        || starts(bytes, b"II*\0")
        || starts(bytes, b"MM\0*")
        || starts(bytes, b"GIF8")
        || starts(bytes, b"BM") && [".bmp"].iter().any(|e| lower.ends_with(e))
        || (starts(bytes, b"RIFF") && bytes.get(8..12) == Some(b"WEBP"));
    if image {
        return Format::Image;
    }
    if decode_text(bytes).is_some() {
        Format::Text
    } else {
        Format::Binary
    }
}

fn zip_has(bytes: &[u8], path: &str) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|mut z| z.by_name(path).is_ok())
}

/// The text of a file, or that it is a scan.
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, FileError> {
    match detect(name, bytes) {
        Format::Text => decode_text(bytes)
            .map(Extracted::Text)
            .ok_or(FileError::Binary),
        Format::Pdf => {
            let text = pdf_text(bytes)?;
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            Ok(if letters < 20 {
                Extracted::NeedsOcr(Format::Pdf)
            } else {
                Extracted::Text(text)
            })
        }
        Format::Docx => docx_text(bytes).map(Extracted::Text),
        Format::Image => Ok(Extracted::NeedsOcr(Format::Image)),
        Format::OtherDocument => Err(FileError::OtherDocument),
        Format::Binary => Err(FileError::Binary),
    }
}

/// [`extract`] as the app's file reader reports it.
pub fn read(name: &str, bytes: &[u8]) -> super::Reading {
    match extract(name, bytes) {
        Ok(Extracted::Text(text)) => super::Reading::Text(text),
        Ok(Extracted::NeedsOcr(_)) => super::Reading::Scan,
        Err(e) => super::Reading::Refused(e.to_string()),
    }
}

/// Text in UTF-8, UTF-16 (with a byte order mark) or Windows-1252; `None`
/// for bytes that are no text.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).ok()?
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return None;
        }
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                text.into_owned()
            }
        }
    };
    let odd = text
        .chars()
        .filter(|&c| c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')))
        .count();
    (odd * 50 <= text.chars().count() && !text.contains('\0')).then_some(text)
}

fn pdf_text(bytes: &[u8]) -> Result<String, FileError> {
    // pdf-extract panics on some malformed files; on native targets that is
    // caught (on wasm32 with panic=abort it would not be).
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(FileError::Pdf(e.to_string())),
        Err(_) => Err(FileError::Pdf("malformed PDF".to_owned())),
    }
}

/// One level of a Word list: its format (`decimal`, `bullet`…), its text
/// (`%1.`) and where it starts.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, path: &str) -> Option<String> {
    let mut file = zip.by_name(path).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some(text)
}

/// numId → level → how it is numbered.
fn numbering(xml: &str) -> HashMap<String, HashMap<u32, Level>> {
    let mut abstracts: HashMap<String, HashMap<u32, Level>> = HashMap::new();
    let mut nums: HashMap<String, String> = HashMap::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut current_abstract, mut current_level, mut current_num) = (None, None, None);
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:abstractNum" => current_abstract = attr(&e, b"w:abstractNumId"),
                b"w:lvl" => {
                    current_level = attr(&e, b"w:ilvl").and_then(|v| v.parse::<u32>().ok());
                    if let (Some(a), Some(l)) = (&current_abstract, current_level) {
                        abstracts.entry(a.clone()).or_default().insert(
                            l,
                            Level {
                                format: "decimal".into(),
                                text: format!("%{}.", l + 1),
                                start: 1,
                            },
                        );
                    }
                }
                b"w:start" | b"w:numFmt" | b"w:lvlText" => {
                    let level = current_abstract
                        .as_ref()
                        .zip(current_level)
                        .and_then(|(a, l)| abstracts.get_mut(a)?.get_mut(&l));
                    if let (Some(level), Some(v)) = (level, attr(&e, b"w:val")) {
                        match e.name().as_ref() {
                            b"w:start" => level.start = v.parse().unwrap_or(1),
                            b"w:numFmt" => level.format = v,
                            _ => level.text = v,
                        }
                    }
                }
                b"w:num" => current_num = attr(&e, b"w:numId"),
                b"w:abstractNumId" => {
                    if let (Some(n), Some(v)) = (&current_num, attr(&e, b"w:val")) {
                        nums.insert(n.clone(), v);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:abstractNum" => current_abstract = None,
                b"w:num" => current_num = None,
                _ => {}
            },
            _ => {}
        }
    }
    nums.into_iter()
        .filter_map(|(num, abs)| Some((num, abstracts.get(&abs)?.clone())))
        .collect()
}

fn letters(n: u32, upper: bool) -> String {
    let base = if upper { b'A' } else { b'a' };
    let mut n = n.max(1) - 1;
    let mut out = Vec::new();
    loop {
        out.push((base + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

/// A paragraph's number as Word shows it: `3.`, `b)`, or `-` for a bullet.
fn label(levels: &HashMap<u32, Level>, counters: &[u32], level: u32) -> String {
    let Some(l) = levels.get(&level) else {
        return String::new();
    };
    if l.format == "bullet" || l.format == "none" {
        return if l.format == "none" {
            String::new()
        } else {
            "-".into()
        };
    }
    let mut text = l.text.clone();
    for k in 0..=level.min(8) {
        let n = counters.get(k as usize).copied().unwrap_or(1);
        let format = levels.get(&k).map_or("decimal", |l| l.format.as_str());
        let shown = match format {
            "lowerLetter" => letters(n, false),
            "upperLetter" => letters(n, true),
            _ => n.to_string(),
        };
        text = text.replace(&format!("%{}", k + 1), &shown);
    }
    text
}

/// The paragraphs of a .docx, one a line, numbered as Word shows them.
fn docx_text(bytes: &[u8]) -> Result<String, FileError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| FileError::Docx(e.to_string()))?;
    let document = read_entry(&mut zip, "word/document.xml")
        .ok_or_else(|| FileError::Docx("word/document.xml is missing".into()))?;
    let lists = read_entry(&mut zip, "word/numbering.xml")
        .map(|x| numbering(&x))
        .unwrap_or_default();

    let mut reader = quick_xml::Reader::from_str(&document);
    let mut out = String::new();
    let mut paragraph = String::new();
    let (mut num_id, mut ilvl): (Option<String>, u32) = (None, 0);
    let mut counters: HashMap<String, Vec<u32>> = HashMap::new();
    let mut in_text = false;
    // Table rows: the cells' paragraphs, joined when the row ends.
    let mut row: Option<Vec<Vec<String>>> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(e) => return Err(FileError::Docx(e.to_string())),
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => {
                    paragraph.clear();
                    num_id = None;
                    ilvl = 0;
                }
                b"w:numId" => num_id = attr(&e, b"w:val").filter(|v| v != "0"),
                b"w:ilvl" => ilvl = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                b"w:t" => in_text = !empty,
                b"w:tab" => paragraph.push('\t'),
                b"w:br" | b"w:cr" => paragraph.push('\n'),
                b"w:tr" => row = Some(Vec::new()),
                b"w:tc" => {
                    if let Some(row) = row.as_mut() {
                        row.push(Vec::new());
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Ok(text) = t.decode() {
                    let text = quick_xml::escape::unescape(&text)
                        .map(|c| c.into_owned())
                        .unwrap_or_else(|_| text.into_owned());
                    paragraph.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(name) = r.decode() {
                    let text = quick_xml::escape::unescape(&format!("&{name};"))
                        .map(|c| c.into_owned())
                        .unwrap_or_default();
                    paragraph.push_str(&text);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let mut line = std::mem::take(&mut paragraph);
                    if let Some(id) = &num_id
                        && let Some(levels) = lists.get(id)
                    {
                        let c = counters.entry(id.clone()).or_default();
                        let level = ilvl.min(8) as usize;
                        while c.len() <= level {
                            let start = levels.get(&(c.len() as u32)).map_or(1, |l| l.start);
                            c.push(start - 1);
                        }
                        c[level] += 1;
                        for (deeper, count) in c.iter_mut().enumerate().skip(level + 1) {
                            *count = levels.get(&(deeper as u32)).map_or(0, |l| l.start - 1);
                        }
                        let shown = label(levels, c, ilvl);
                        if !shown.is_empty() {
                            line = format!("{shown} {line}");
                        }
                    }
                    match row.as_mut().and_then(|r| r.last_mut()) {
                        Some(cell) => cell.push(line),
                        None => {
                            out.push_str(line.trim_end());
                            out.push('\n');
                        }
                    }
                }
                b"w:tr" => {
                    if let Some(cells) = row.take() {
                        out.push_str(&table_row(&cells));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

/// A table row as lines: the first cell's text, then the other cells' first
/// paragraphs on the same line, their further paragraphs on lines of their
/// own (`Deltagare  Anna Andersson` / `Bertil Berg`).
fn table_row(cells: &[Vec<String>]) -> String {
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for cell in cells {
        let mut lines = cell.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
        if let Some(line) = lines.next() {
            first.push(line.to_owned());
        }
        rest.extend(lines.map(str::to_owned));
    }
    let mut out = String::new();
    if !first.is_empty() {
        out.push_str(&first.join("  "));
        out.push('\n');
    }
    for line in rest {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Writing the files this module reads, for tests (here and in
/// `radslag import`'s): a `.docx` with numbered paragraphs and a header
/// table, and a text PDF.
#[doc(hidden)]
pub mod fixtures {
    use std::io::Write as _;

    use pdf_extract::{Dictionary, Document, Object, Stream, StringFormat};

    /// A `.docx`: `header` as a two-column table (label, value), then
    /// `paragraphs`, where `(Some(level), text)` is an item of a numbered
    /// list (level 0 `1.`, level 1 a bullet) and `(None, text)` plain text.
    pub fn docx(header: &[(&str, &str)], paragraphs: &[(Option<u32>, &str)]) -> Vec<u8> {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let para = |text: &str, num: Option<u32>| {
            let num = num.map_or(String::new(), |l| {
                format!(
                    r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
                )
            });
            format!(
                r#"<w:p>{num}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                esc(text)
            )
        };
        let mut body = String::from("<w:tbl>");
        for (label, value) in header {
            body.push_str("<w:tr><w:tc>");
            body.push_str(&para(label, None));
            body.push_str("</w:tc><w:tc>");
            for line in value.split('\n') {
                body.push_str(&para(line, None));
            }
            body.push_str("</w:tc></w:tr>");
        }
        body.push_str("</w:tbl>");
        for (level, text) in paragraphs {
            body.push_str(&para(text, *level));
        }
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let numbering = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in [
            ("[Content_Types].xml", content_types),
            ("word/document.xml", document.as_str()),
            ("word/numbering.xml", numbering),
        ] {
            zip.start_file(name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip").into_inner()
    }

    /// A one-page PDF with `lines` in Helvetica (WinAnsi: å, ä, ö kept).
    pub fn pdf(lines: &[&str]) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"Type1".to_vec()));
        font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let font_id = doc.add_object(font);
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(font_id));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let resources_id = doc.add_object(resources);
        let mut content = b"BT /F1 10 Tf 12 TL 40 800 Td\n".to_vec();
        for line in lines {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            let mut escaped = Vec::new();
            for &b in bytes.iter() {
                if matches!(b, b'(' | b')' | b'\\') {
                    escaped.push(b'\\');
                }
                escaped.push(b);
            }
            content.push(b'(');
            content.extend(escaped);
            content.extend(b") Tj T*\n");
        }
        content.extend(b"ET\n");
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        let page_id = doc.add_object(page);
        let mut pages = Dictionary::new();
        pages.set("Type", Object::Name(b"Pages".to_vec()));
        pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
        pages.set("Count", Object::Integer(1));
        pages.set("Resources", Object::Reference(resources_id));
        pages.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
        );
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(pages_id));
        let catalog_id = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog_id));
        let _ = StringFormat::Literal;
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("PDF");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTES: &[&str] = &[
        "MINNESANTECKNINGAR",
        "Trygghetsrådet i Ånge",
        "",
        "Datum 2023-09-12",
        "Plats Kommunhuset",
        "Deltagare Moa Magnusson, Josef Wiklund",
        "",
        "1. Lägesbild",
        "- Polisen rapporterar färre anmälningar.",
        "2. Övriga frågor",
        "Inga övriga frågor.",
        "3. Nästa möte",
        "14 november klockan 13-15 för Trygghetsrådet.",
        "",
        "Vid pennan",
        "Moa Magnusson",
    ];

    #[test]
    fn a_text_pdf_gives_its_text_with_swedish_letters() {
        let pdf = fixtures::pdf(MINUTES);
        assert_eq!(detect("x.pdf", &pdf), Format::Pdf);
        let Extracted::Text(text) = extract("x.pdf", &pdf).unwrap() else {
            panic!("a text PDF")
        };
        for line in MINUTES.iter().filter(|l| !l.is_empty()) {
            assert!(text.contains(line), "{line:?} in {text:?}");
        }
        let m = super::super::parse_minutes(&text, None).unwrap();
        assert_eq!(m.items.len(), 3);
        assert_eq!(m.place.as_deref(), Some("Kommunhuset"));
    }

    #[test]
    fn a_pdf_without_text_is_a_scan_and_a_broken_one_an_error() {
        let scan = fixtures::pdf(&[]);
        assert_eq!(
            extract("s.pdf", &scan),
            Ok(Extracted::NeedsOcr(Format::Pdf))
        );
        let broken = b"%PDF-1.7\n\xff\xfe\x00\x01 binary".to_vec();
        assert!(matches!(extract("b.pdf", &broken), Err(FileError::Pdf(_))));
    }

    #[test]
    fn a_docx_gives_its_paragraphs_numbered_and_its_table_rows() {
        let docx = fixtures::docx(
            &[
                ("Datum", "2023-09-12"),
                ("Deltagare", "Moa Magnusson\nJosef Wiklund"),
            ],
            &[
                (Some(0), "Lägesbild"),
                (Some(1), "Polisen rapporterar färre anmälningar & mer."),
                (Some(0), "Övriga frågor"),
                (None, "Inga övriga frågor."),
                (Some(0), "Nästa möte"),
            ],
        );
        assert_eq!(detect("m.docx", &docx), Format::Docx);
        let Extracted::Text(text) = extract("m.docx", &docx).unwrap() else {
            panic!("text")
        };
        assert_eq!(
            text,
            "Datum  2023-09-12\nDeltagare  Moa Magnusson\nJosef Wiklund\n1. Lägesbild\n\
             - Polisen rapporterar färre anmälningar & mer.\n2. Övriga frågor\nInga övriga frågor.\n\
             3. Nästa möte\n"
        );
        let m = super::super::parse_minutes(&text, None).unwrap();
        let titles: Vec<&str> = m.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Lägesbild", "Övriga frågor", "Nästa möte"]);
        assert_eq!(m.participants.len(), 2);
    }

    #[test]
    fn text_encodings_images_and_other_files() {
        let latin1 = b"Datum 2023-02-07\nN\xe4rvarande: \xc5sa\n";
        assert_eq!(detect("a.txt", latin1), Format::Text);
        assert_eq!(
            extract("a.txt", latin1),
            Ok(Extracted::Text(
                "Datum 2023-02-07\nNärvarande: Åsa\n".into()
            ))
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Möte".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(extract("b.txt", &utf16), Ok(Extracted::Text("Möte".into())));
        assert_eq!(
            extract("c.txt", "\u{feff}Möte".as_bytes()),
            Ok(Extracted::Text("Möte".into()))
        );
        for image in [
            &b"\x89PNG\r\n\x1a\n...."[..],
            b"\xFF\xD8\xFF\xE0..",
            b"II*\0....",
        ] {
            assert_eq!(
                extract("scan", image),
                Ok(Extracted::NeedsOcr(Format::Image))
            );
        }
        assert_eq!(
            extract("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Err(FileError::OtherDocument)
        );
        assert_eq!(
            extract("x.bin", b"\0\x01\x02\x03binary\0"),
            Err(FileError::Binary)
        );
    }
}
