//! OCR of scanned minutes with Debian's `tesseract` (Swedish model), and
//! `pdftoppm` (poppler-utils) to turn a scanned PDF's pages into images.
//! External programs: the core stays pure, and Tesseract is the
//! well-kept OCR engine Debian packages with a Swedish model.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

/// What to install when OCR is not available.
pub const INSTALL: &str = "install Tesseract with its Swedish model, and poppler-utils for scanned \
     PDFs: apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils";

/// The `tesseract` program (`RADSLAG_TESSERACT` overrides it).
fn tesseract() -> String {
    std::env::var("RADSLAG_TESSERACT").unwrap_or_else(|_| "tesseract".to_owned())
}

/// Fails with what to install unless `tesseract` runs and has Swedish.
fn check_tesseract() -> anyhow::Result<()> {
    let out = match Command::new(tesseract()).arg("--list-langs").output() {
        Ok(out) => out,
        Err(_) => bail!("scanned minutes need OCR, and tesseract is not installed: {INSTALL}"),
    };
    let langs =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if !langs.lines().any(|l| l.trim() == "swe") {
        bail!("tesseract has no Swedish model: {INSTALL}");
    }
    Ok(())
}

fn run_tesseract(image: &Path) -> anyhow::Result<String> {
    let out = Command::new(tesseract())
        .arg(image)
        .arg("stdout")
        .args(["-l", "swe", "--psm", "3"])
        .output()
        .context("cannot run tesseract")?;
    if !out.status.success() {
        bail!(
            "tesseract could not read {}: {}",
            image.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The text of a scanned image.
pub fn image_text(path: &Path) -> anyhow::Result<String> {
    check_tesseract()?;
    run_tesseract(path)
}

/// The text of a scanned PDF: each page at 300 dpi through tesseract.
pub fn pdf_text(path: &Path) -> anyhow::Result<String> {
    check_tesseract()?;
    let dir = tempfile::tempdir().context("cannot make a temporary directory")?;
    let prefix = dir.path().join("page");
    let out = match Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(path)
        .arg(&prefix)
        .output()
    {
        Ok(out) => out,
        Err(_) => bail!("a scanned PDF needs pdftoppm, which is not installed: {INSTALL}"),
    };
    if !out.status.success() {
        bail!(
            "pdftoppm could not read {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    let mut text = String::new();
    for page in pages {
        text.push_str(&run_tesseract(&page)?);
        text.push('\n');
    }
    Ok(text)
}
