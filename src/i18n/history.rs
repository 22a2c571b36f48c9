//! The words of a meeting's history (*Historik*), Swedish and English.
//! Reached through `Texts::history`, so a missing translation is a compile
//! error.

pub struct HistoryTexts {
    /// The link on a meeting's page and the page's heading.
    pub history: &'static str,
    pub intro: &'static str,
    pub versions: &'static str,
    pub none: &'static str,
    pub edited_by: &'static str,
    pub approved_by: &'static str,
    pub reopened_by: &'static str,
    pub unknown: &'static str,
    pub change: &'static str,
    pub changes: &'static str,
    pub show: &'static str,
    /// Before a version's time, over the meeting as it was.
    pub version_of: &'static str,
    pub read_only: &'static str,
    pub missing: &'static str,
    pub restore_heading: &'static str,
    pub all_same: &'static str,
    pub restore_text: &'static str,
    pub restored: &'static str,
    pub approved: &'static str,
    pub back: &'static str,
}

impl HistoryTexts {
    /// "1 ändring", "3 ändringar".
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { self.change } else { self.changes })
    }
}

pub static SV: HistoryTexts = HistoryTexts {
    history: "Historik",
    intro: "Varje version är en redigering (vem och när), en justering eller en återöppning. Visa en version för att läsa mötet som det var efter den; en punkts text kan hämtas tillbaka därifrån.",
    versions: "Versioner",
    none: "Inga versioner ännu.",
    edited_by: "Redigerat av",
    approved_by: "Justerat av",
    reopened_by: "Öppnat för ändring av",
    unknown: "okänd enhet",
    change: "ändring",
    changes: "ändringar",
    show: "Visa",
    version_of: "Versionen från",
    read_only: "Skrivskyddad: så här såg mötet ut efter den här versionen.",
    missing: "Mötet var borttaget i den här versionen.",
    restore_heading: "Hämta tillbaka en punkts text",
    all_same: "Alla punkter har samma text nu som i den här versionen.",
    restore_text: "Återställ texten",
    restored: "Texten är återställd:",
    approved: "Protokollet är justerat. Öppna det för ändring för att återställa en text.",
    back: "Tillbaka till mötet",
};

pub static EN: HistoryTexts = HistoryTexts {
    history: "History",
    intro: "Each version is an editing session (who and when), an approval or a reopening. Show a version to read the meeting as it was after it; an item's text can be brought back from there.",
    versions: "Versions",
    none: "No versions yet.",
    edited_by: "Edited by",
    approved_by: "Approved by",
    reopened_by: "Reopened by",
    unknown: "an unknown device",
    change: "change",
    changes: "changes",
    show: "Show",
    version_of: "The version of",
    read_only: "Read-only: the meeting as it was after this version.",
    missing: "The meeting was deleted in this version.",
    restore_heading: "Bring an item's text back",
    all_same: "Every item has the same text now as in this version.",
    restore_text: "Restore the text",
    restored: "The text is restored:",
    approved: "The minutes are approved. Reopen them to restore a text.",
    back: "Back to the meeting",
};
